import type { DbClient } from '@ledgersync/db';
import type { Side, SyncObject } from '@ledgersync/sync-engine';
import { addJob } from './add-job.ts';
import { firstSyncJobKey, portalQueueName } from './job-keys.ts';
import { FIRST_SYNC_TASK } from './task-names.ts';

/** The objects a first sync takes (R-CON-7): invoices have their own backfill (R-FLT-4). */
export type FirstSyncObject = Extract<SyncObject, 'customer' | 'product'>;

export function isFirstSyncObject(object: SyncObject): object is FirstSyncObject {
  return object === 'customer' || object === 'product';
}

/** The sides a rule's direction reads from: a first sync runs once per source side. */
export function sourceSidesOf(direction: string): Side[] {
  if (direction === 'two_way') return ['quickbooks', 'hubspot'];
  if (direction === 'quickbooks_to_hubspot') return ['quickbooks'];
  if (direction === 'hubspot_to_quickbooks') return ['hubspot'];
  return [];
}

/**
 * R-CON-7: syncs every existing record of `object` on `sourceSide`, one page per job in the
 * portal's queue (so live changes are drained between pages). A run already going for the same
 * object and side is reused, not doubled. Joins the caller's transaction when given one.
 */
export async function startFirstSync(
  db: DbClient,
  portalId: string,
  object: FirstSyncObject,
  sourceSide: Side,
): Promise<string> {
  const running = await db.syncRun.findFirst({
    where: { portalId, object, sourceSide, status: 'running' },
  });
  if (running) return running.id;
  const run = await db.syncRun.create({ data: { portalId, object, sourceSide } });
  await queueFirstSyncPage(db, { id: run.id, portalId }, 0);
  return run.id;
}

/**
 * Queues page `page` of a run (the worker calls it in the transaction that counts the previous one,
 * and with `delayMs` to try a page again once a paused portal may be running again).
 */
export async function queueFirstSyncPage(
  db: DbClient,
  run: { readonly id: string; readonly portalId: string },
  page: number,
  delayMs = 0,
): Promise<void> {
  await addJob(
    db,
    FIRST_SYNC_TASK,
    { syncRunId: run.id, page },
    { queueName: portalQueueName(run.portalId), jobKey: firstSyncJobKey(run.id), delayMs },
  );
}

/**
 * Stops a running first sync: its queued page is removed, and a page in flight finds the run
 * cancelled when it stores its counts, so it queues no next page. What was synced stays linked.
 * Returns false when the portal has no such run still running.
 */
export async function cancelFirstSync(
  db: DbClient,
  portalId: string,
  syncRunId: string,
  at: Date = new Date(),
): Promise<boolean> {
  const { count } = await db.syncRun.updateMany({
    where: { id: syncRunId, portalId, status: 'running' },
    data: { status: 'cancelled', finishedAt: at },
  });
  if (count === 0) return false;
  await db.$executeRaw`SELECT graphile_worker.remove_job(${firstSyncJobKey(syncRunId)}::text)`;
  return true;
}
