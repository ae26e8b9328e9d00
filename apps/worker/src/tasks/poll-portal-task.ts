import { createPrismaSyncStore, type Db, type NewChangeNotice } from '@ledgersync/db';
import {
  createChangeIntake,
  POLL_ALL_TASK,
  POLL_PORTAL_TASK,
  parseJobPayload,
  schedulePortalPoll,
} from '@ledgersync/jobs';
import type { PortalPorts, PortsFor } from '@ledgersync/portal-adapters';
import {
  type Clock,
  directionAllowsWriteTo,
  otherSide,
  type PortalSettings,
  paymentSyncEnabled,
  type Side,
  SYNC_OBJECTS,
  type SyncObject,
} from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';
import { portalGate } from '../portal-gate.ts';

/** Cron entry point: one keyed `poll-portal` job per active portal, on the portal's queue. */
export function pollAllTask(deps: { db: Db }): Task {
  return async (payload) => {
    parseJobPayload(POLL_ALL_TASK, payload);
    const portals = await deps.db.portal.findMany({
      where: { uninstalledAt: null, quickbooksConnection: { status: 'connected' } },
      select: { id: true },
    });
    for (const { id } of portals) {
      await schedulePortalPoll(deps.db, id);
    }
  };
}

export interface PollDeps {
  readonly db: Db;
  readonly portsFor: PortsFor;
  readonly clock: Clock;
  readonly debounceMs: number;
}

/**
 * The safety net for lost webhooks: for every object that syncs, reads each source side's
 * changes since the stored cursor (QBO CDC / HubSpot search on last-modified, inside the
 * adapters) and stores them as notices through the same intake as webhooks, so duplicates with
 * webhook deliveries coalesce. The cursor advances only after the notices are stored.
 */
export function pollPortalTask(deps: PollDeps): Task {
  return async (payload) => {
    const { portalId } = parseJobPayload(POLL_PORTAL_TASK, payload);
    if ((await portalGate(deps.db, portalId)) !== 'active') return;
    const ports = await deps.portsFor(portalId);
    const store = createPrismaSyncStore(deps.db);
    const settings = await store.readSettings(portalId);
    if (!ports || !settings) return;
    await pollPortal(deps, ports, settings);
  };
}

export async function pollPortal(
  deps: PollDeps,
  ports: PortalPorts,
  settings: PortalSettings,
): Promise<number> {
  const store = createPrismaSyncStore(deps.db);
  const intake = createChangeIntake(deps.db, { debounceMs: deps.debounceMs });
  let stored = 0;
  for (const { object, side, startedAt } of pollTargets(settings)) {
    const since =
      (await store.getCursor(settings.portalId, side, object)) ?? startedAt ?? deps.clock.now().toISOString();
    let pageToken: string | undefined;
    let cursor: string | null = null;
    do {
      const page = await ports.readers[side].readChangedSince(object, since, pageToken);
      if (!page.ok) {
        cursor = null;
        break;
      }
      const notices: NewChangeNotice[] = page.value.records.map((r) => ({
        portalId: settings.portalId,
        side,
        object,
        recordId: r.id,
        // One notice per record version: a webhook for the same version may carry another id, which is harmless.
        eventId: `poll:${object}:${r.id}:${r.version}`,
        occurredAt: new Date(r.updatedAt),
      }));
      stored += await intake.record(notices);
      cursor = page.value.cursor;
      pageToken = page.value.nextPageToken ?? undefined;
    } while (pageToken);
    if (cursor) await store.advanceCursor(settings.portalId, side, object, cursor);
  }
  return stored;
}

/** (object, source side) pairs that sync now, with the moment their sync started. */
export function pollTargets(
  settings: PortalSettings,
): { object: SyncObject; side: Side; startedAt: string | null }[] {
  const targets: { object: SyncObject; side: Side; startedAt: string | null }[] = [];
  for (const object of SYNC_OBJECTS) {
    const s = object === 'payment' ? settings.invoice : settings[object];
    const on = object === 'payment' ? paymentSyncEnabled(settings.invoice) : s.enabled;
    if (!on) continue;
    for (const side of ['hubspot', 'quickbooks'] as const) {
      const direction = object === 'payment' ? 'two_way' : s.direction;
      if (directionAllowsWriteTo(direction, otherSide(side)))
        targets.push({ object, side, startedAt: s.syncStartedAt });
    }
  }
  return targets;
}
