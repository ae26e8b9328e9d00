import type { Db } from '@ledgersync/db';
import { addJob } from './add-job.ts';
import { backfillJobKey, portalQueueName } from './job-keys.ts';
import { BACKFILL_TASK } from './task-names.ts';

/**
 * R-FLT-4: an admin-started backfill of historical HubSpot invoices created in [from, to]. It runs
 * on the portal's queue (never beside a drain of the same portal) and resumes from its page cursor
 * if a worker dies. Returns the id of the `Backfill` row, where the task records its progress.
 */
export async function startBackfill(
  db: Db,
  portalId: string,
  range: { from: Date; to: Date },
): Promise<string> {
  if (range.from > range.to) throw new RangeError('backfill range: from is after to');
  const backfill = await db.backfill.create({
    data: { portalId, object: 'invoice', from: range.from, to: range.to },
  });
  await addJob(
    db,
    BACKFILL_TASK,
    { backfillId: backfill.id },
    { queueName: portalQueueName(portalId), jobKey: backfillJobKey(backfill.id) },
  );
  return backfill.id;
}
