import type { DbClient } from '@ledgersync/db';
import { addJob } from './add-job.ts';
import { backfillJobKey, portalQueueName } from './job-keys.ts';
import { BACKFILL_TASK } from './task-names.ts';

/**
 * R-FLT-4: an admin-started backfill of historical HubSpot invoices created in [from, to]. It runs
 * one HubSpot search page per job on the portal's queue (never beside a drain of the same portal,
 * and live changes are drained between pages) and resumes from its page cursor if a worker dies.
 * Returns the id of the `Backfill` row, where the task records its progress.
 */
export async function startBackfill(
  db: DbClient,
  portalId: string,
  range: { from: Date; to: Date },
): Promise<string> {
  if (range.from > range.to) throw new RangeError('backfill range: from is after to');
  const backfill = await db.backfill.create({
    data: { portalId, object: 'invoice', from: range.from, to: range.to },
  });
  await queueBackfillPage(db, backfill, 0);
  return backfill.id;
}

/**
 * Queues page `page` of a backfill (the worker calls it in the transaction that counts the previous
 * one, and with `delayMs` to try a page again once a paused portal may be running again).
 */
export async function queueBackfillPage(
  db: DbClient,
  backfill: { readonly id: string; readonly portalId: string },
  page: number,
  delayMs = 0,
): Promise<void> {
  await addJob(
    db,
    BACKFILL_TASK,
    { backfillId: backfill.id, page },
    { queueName: portalQueueName(backfill.portalId), jobKey: backfillJobKey(backfill.id), delayMs },
  );
}
