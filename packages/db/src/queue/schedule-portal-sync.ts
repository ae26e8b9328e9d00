import type { DbClient } from '../client/create-prisma-client.ts';

export const SYNC_PORTAL_TASK = 'sync-portal';

export const syncPortalJobKey = (portalId: string) => `${SYNC_PORTAL_TASK}:${portalId}`;
export const portalQueueName = (portalId: string) => `portal:${portalId}`;

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
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      ${SYNC_PORTAL_TASK},
      json_build_object('portalId', ${portalId}::text),
      queue_name := ${portalQueueName(portalId)},
      run_at := now() + make_interval(secs => ${delayMs / 1000}::float8),
      max_attempts := 25,
      job_key := ${syncPortalJobKey(portalId)},
      job_key_mode := 'preserve_run_at'
    )`;
}
