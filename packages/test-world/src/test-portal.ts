import type { Db } from '@ledgersync/db';
import { createChangeIntake } from '@ledgersync/jobs';
import type { PortalPorts } from '@ledgersync/portal-adapters';
import type { QuickBooksClient } from '@ledgersync/quickbooks';
import type { DrainReport, RecordOf, Side, SyncObject } from '@ledgersync/sync-engine';
import { json } from './http.ts';

/** One installed portal with its QBO company connected, both through the OAuth flows. */
export interface TestPortal {
  readonly portalId: string;
  readonly hubId: string;
  readonly realmId: string;
  /** The access tokens the installs were granted (and stored): for calls made as the app. */
  readonly hubspotToken: string;
  readonly qboToken: string;
  /** A QBO client on the realm, as the app: for a test's own reads and a bookkeeper's writes. */
  readonly qbo: QuickBooksClient;
  /** The realm's first income account. */
  readonly incomeAccountId: string;
  /** The portal's adapters, built by the factory from what is stored now (as a drain builds them). */
  ports(): Promise<PortalPorts>;
  /** What a webhook would store. */
  notify(side: Side, object: SyncObject, recordId: string): Promise<void>;
  /** Drains until nothing is left that is due. */
  drain(): Promise<DrainReport[]>;
  /** The record as the adapter reads it now (throws when unreadable or missing). */
  read<O extends SyncObject>(side: Side, object: O, id: string): Promise<RecordOf<O>>;
  /** HubSpot's API as the installed app. */
  hs<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** The HubSpot emulator's control API (a HubSpot user's actions, portals, faults). */
  hsControl<T>(path: string, body?: unknown): Promise<T>;
}

export interface PortalParts {
  readonly db: Db;
  readonly hubspotUrl: string;
  readonly ports: () => Promise<PortalPorts>;
  readonly drain: () => Promise<DrainReport[]>;
}

export function testPortal(
  parts: PortalParts,
  facts: Omit<TestPortal, 'ports' | 'notify' | 'drain' | 'read' | 'hs' | 'hsControl'>,
): TestPortal {
  const intake = createChangeIntake(parts.db, { debounceMs: 60_000 });
  let events = 0;
  return {
    ...facts,
    ports: parts.ports,
    drain: parts.drain,
    async notify(side, object, recordId) {
      await intake.record([
        {
          portalId: facts.portalId,
          side,
          object,
          recordId,
          // Event ids are unique per side across portals, as HubSpot's and Intuit's are.
          eventId: `e2e-${facts.portalId}-${++events}-${recordId}`,
        },
      ]);
    },
    async read(side, object, id) {
      const result = await (await parts.ports()).readers[side].readByIds(object, [id]);
      const found = result.ok ? result.value.records[0] : undefined;
      if (!found) throw new Error(`cannot read ${side} ${object} ${id}: ${JSON.stringify(result)}`);
      return found.record;
    },
    hs: (path, init = {}) =>
      json(`${parts.hubspotUrl}${path}`, {
        method: init.method ?? 'GET',
        body: init.body,
        headers: { authorization: `Bearer ${facts.hubspotToken}` },
      }),
    hsControl: (path, body) =>
      json(`${parts.hubspotUrl}/_emulator${path}`, { method: 'POST', body: body ?? {} }),
  };
}
