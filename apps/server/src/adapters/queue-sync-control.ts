import type { Db } from '@ledgersync/db';
import { disconnectPortal, requestResync, setObjectSyncEnabled } from '@ledgersync/worker';
import type { SyncControl } from '../ports/sync-control.ts';
import { ENGINE_OBJECT } from '../settings/stored-settings.ts';

/** Backfill jobs are for a `backfill` task of the worker (not there yet: the jobs wait for it). */
export const BACKFILL_TASK = 'backfill';

/**
 * The seam to the worker: its life-cycle functions (database and job queue, no HTTP between the
 * two apps), plus the backfill job the worker does not offer yet.
 */
export function createQueueSyncControl(db: Db, debounceMs: number, now: () => Date): SyncControl {
  return {
    async requestResync(portalId, object, hubspotId) {
      await requestResync(
        db,
        portalId,
        { side: 'hubspot', object: ENGINE_OBJECT[object], recordId: hubspotId },
        { debounceMs, at: now() },
      );
    },
    async setObjectEnabled(portalId, object, enabled) {
      const engineObject = ENGINE_OBJECT[object];
      // Payments follow invoices inside the worker's own rule.
      if (engineObject === 'payment') return;
      await setObjectSyncEnabled(db, portalId, engineObject, enabled, now());
    },
    async startBackfill(portalId, object, from, to) {
      return db.$transaction(async (tx) => {
        const backfill = await tx.backfill.create({ data: { portalId, object, from, to } });
        await tx.$executeRaw`
          SELECT graphile_worker.add_job(${BACKFILL_TASK}, json_build_object('backfillId', ${backfill.id}::text, 'portalId', ${portalId}::text),
            queue_name := ${`portal:${portalId}`}, max_attempts := 25)`;
        return backfill;
      });
    },
    async stopPortal(portalId, cause) {
      await disconnectPortal(db, portalId, cause, now());
      await db.backfill.updateMany({
        where: { portalId, status: { in: ['pending', 'running'] } },
        data: { status: 'cancelled' },
      });
    },
  };
}
