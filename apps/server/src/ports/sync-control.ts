import type { Backfill, SyncRun } from '@ledgersync/db';
import type { Side, SyncObject } from '@ledgersync/sync-engine';

/**
 * What the server asks of the sync worker. The default (`adapters/queue-sync-control.ts`) calls
 * the life-cycle functions of @ledgersync/jobs, which work in the database and the job queue.
 */
export interface SyncControl {
  /** Queues one record for another sync pass (the card's "Resync"). */
  requestResync(portalId: string, object: SyncObject, hubspotId: string): Promise<void>;
  /** R-CON-5: turning an object off closes its pending work; on again catches up from the cursor. */
  setObjectEnabled(portalId: string, object: SyncObject, enabled: boolean): Promise<void>;
  startBackfill(portalId: string, object: SyncObject, from: Date, to: Date): Promise<Backfill>;
  /** R-CON-7 "Sync existing records": a first sync from each source side (one already running is reused). */
  startFirstSync(
    portalId: string,
    object: 'customer' | 'product',
    sourceSides: readonly Side[],
  ): Promise<SyncRun[]>;
  /** Stops a running first sync; false when the portal has no such run still running. */
  cancelFirstSync(portalId: string, syncRunId: string): Promise<boolean>;
  /** R-CON-3: no job of this portal stays queued, pending notices are closed, tokens are wiped. */
  stopPortal(portalId: string, cause: 'quickbooks_disconnected' | 'uninstalled'): Promise<void>;
}
