import type { DbClient } from '@ledgersync/db';
import { addJob } from './add-job.ts';
import { portalQueueName, syncPortalJobKey } from './job-keys.ts';
import { SYNC_PORTAL_TASK } from './task-names.ts';

/**
 * Schedules the portal's drain through graphile-worker's SQL API, so it can join the transaction
 * that stored the notices: a notice is never stored without its job, nor a job added for a notice
 * that rolled back.
 *
 * - One job key per portal with `preserve_run_at`: a burst of changes keeps the first run time,
 *   so bursts coalesce into one drain that still starts within `delayMs` of the first change.
 * - One queue per portal: one drain of a portal at a time, across every worker process.
 * - A drain already running holds its job locked; graphile-worker then adds a new job for the key,
 *   so changes that arrive mid-drain are drained next, never dropped.
 */
export async function schedulePortalSync(tx: DbClient, portalId: string, delayMs: number): Promise<void> {
  await addJob(
    tx,
    SYNC_PORTAL_TASK,
    { portalId },
    {
      queueName: portalQueueName(portalId),
      delayMs,
      jobKey: syncPortalJobKey(portalId),
      jobKeyMode: 'preserve_run_at',
    },
  );
}
