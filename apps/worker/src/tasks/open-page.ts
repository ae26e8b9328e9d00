import { createPrismaSyncStore, type Db } from '@ledgersync/db';
import type { PortalPorts, PortsFor } from '@ledgersync/portal-adapters';
import type { Clock, PortalSettings, SyncStore } from '@ledgersync/sync-engine';
import { portalGate } from '../portal-gate.ts';

/** A page of a paused portal (an authorization to renew) is tried again this much later. */
export const PAUSED_RETRY_MS = 5 * 60_000;

export type OpenedPage =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'waiting' }
  | {
      readonly kind: 'ready';
      readonly ports: PortalPorts;
      readonly settings: PortalSettings;
      readonly store: SyncStore;
    };

/**
 * What one page of a long run (a first sync, a backfill) needs before it reads: the portal's
 * ports and settings, or why it cannot run now: stopped (uninstalled or disconnected: the run
 * ends) or waiting (paused, R-ERR-7, or not usable right now: the same page is queued again).
 */
export async function openPage(
  deps: { readonly db: Db; readonly portsFor: PortsFor; readonly clock: Clock },
  portalId: string,
): Promise<OpenedPage> {
  const gate = await portalGate(deps.db, portalId);
  if (gate === 'stopped') return { kind: 'stopped' };
  if (gate === 'paused') return { kind: 'waiting' };
  const store = createPrismaSyncStore(deps.db, { now: () => deps.clock.now() });
  const [ports, settings] = await Promise.all([deps.portsFor(portalId), store.readSettings(portalId)]);
  return ports && settings ? { kind: 'ready', ports, settings, store } : { kind: 'waiting' };
}
