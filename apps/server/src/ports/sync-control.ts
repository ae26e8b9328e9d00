import type { Backfill, SyncObject } from '@ledgersync/db';

/**
 * What the server asks of the sync worker (W6). The default writes to the database and the job
 * queue (`adapters/queue-sync-control.ts`); the worker's own functions can replace it.
 */
export interface SyncControl {
  /** Queues one record for another sync pass (the card's "Resync"). */
  requestResync(portalId: string, object: SyncObject, hubspotId: string): Promise<void>;
  startBackfill(portalId: string, object: SyncObject, from: Date, to: Date): Promise<Backfill>;
  /** R-CON-3: no job of this portal stays queued. */
  stopPortal(portalId: string): Promise<void>;
}
