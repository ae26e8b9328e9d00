import type { Db } from '@ledgersync/db';
import {
  cancelFirstSync,
  disconnectPortal,
  requestResync,
  setObjectSyncEnabled,
  startBackfill,
  startFirstSync,
} from '@ledgersync/jobs';
import type { SyncControl } from '../ports/sync-control.ts';

/**
 * The seam to the worker: the job catalogue's life-cycle and backfill functions, which work in the
 * database and the job queue (no HTTP between server and worker, and neither imports the other).
 */
export function createQueueSyncControl(db: Db, debounceMs: number, now: () => Date): SyncControl {
  return {
    async requestResync(portalId, object, hubspotId) {
      await requestResync(
        db,
        portalId,
        { side: 'hubspot', object, recordId: hubspotId },
        { debounceMs, at: now() },
      );
    },
    async setObjectEnabled(portalId, object, enabled) {
      // Payments follow invoices inside setObjectSyncEnabled's own rule.
      if (object === 'payment') return;
      await setObjectSyncEnabled(db, portalId, object, enabled, now());
    },
    // R-FLT-4 backfills historical HubSpot invoices, the only object the worker backfills.
    async startBackfill(portalId, _object, from, to) {
      const id = await startBackfill(db, portalId, { from, to });
      return db.backfill.findUniqueOrThrow({ where: { id } });
    },
    async startFirstSync(portalId, object, sourceSides) {
      const ids = [];
      for (const side of sourceSides) ids.push(await startFirstSync(db, portalId, object, side));
      return db.syncRun.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: 'asc' } });
    },
    cancelFirstSync: (portalId, syncRunId) => cancelFirstSync(db, portalId, syncRunId, now()),
    async stopPortal(portalId, cause) {
      await disconnectPortal(db, portalId, cause, now());
      await db.backfill.updateMany({
        where: { portalId, status: { in: ['pending', 'running'] } },
        data: { status: 'cancelled' },
      });
      await db.syncRun.updateMany({
        where: { portalId, status: 'running' },
        data: { status: 'cancelled', finishedAt: now(), error: cause },
      });
    },
  };
}
