import { randomUUID } from 'node:crypto';
import { createChangeIntake, type Db, syncPortalJobKey } from '@ledgersync/db';
import type { SyncControl } from '../ports/sync-control.ts';

/** Backfill jobs are picked up by the worker's `backfill` task (W6). */
export const BACKFILL_TASK = 'backfill';

/**
 * The seam to the worker, over the database: a resync is a change notice like any webhook (so it
 * is drained in order with the portal's other changes); a backfill is a row plus a job.
 */
export function createQueueSyncControl(db: Db, debounceMs: number): SyncControl {
  const intake = createChangeIntake(db, { debounceMs });
  return {
    async requestResync(portalId, object, hubspotId) {
      await intake.record([
        { portalId, side: 'hubspot', object, recordId: hubspotId, eventId: `resync:${randomUUID()}` },
      ]);
    },
    async startBackfill(portalId, object, from, to) {
      return db.$transaction(async (tx) => {
        const backfill = await tx.backfill.create({ data: { portalId, object, from, to } });
        await tx.$executeRaw`
          SELECT graphile_worker.add_job(${BACKFILL_TASK}, json_build_object('backfillId', ${backfill.id}::text),
            queue_name := ${`portal:${portalId}`}, max_attempts := 25)`;
        return backfill;
      });
    },
    async stopPortal(portalId) {
      await db.$executeRaw`SELECT graphile_worker.remove_job(${syncPortalJobKey(portalId)})`;
      await db.$executeRaw`
        DELETE FROM graphile_worker._private_jobs j
        USING graphile_worker._private_job_queues q
        WHERE j.job_queue_id = q.id AND q.queue_name = ${`portal:${portalId}`} AND j.locked_at IS NULL`;
      await db.backfill.updateMany({
        where: { portalId, status: { in: ['pending', 'running'] } },
        data: { status: 'cancelled' },
      });
    },
  };
}
