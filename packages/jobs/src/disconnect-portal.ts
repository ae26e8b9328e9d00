import { type Db, inTransaction } from '@ledgersync/db';
import { pollPortalJobKey, portalQueueName, syncPortalJobKey, syncPortalRetryJobKey } from './job-keys.ts';
import { SYNC_PORTAL_TASK } from './task-names.ts';

/**
 * R-CON-3: disconnecting QBO or uninstalling stops every sync of the portal at once. Tokens are
 * wiped (revoking them at Intuit/HubSpot is the server's OAuth code's part, before calling this),
 * pending notices are closed and every queued job of the portal is removed. Links and history stay.
 */
export async function disconnectPortal(
  db: Db,
  portalId: string,
  cause: 'quickbooks_disconnected' | 'uninstalled',
  at: Date = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.quickBooksConnection.updateMany({
      where: { portalId },
      data: { status: 'disconnected', disconnectedAt: at, accessToken: null, refreshToken: null },
    });
    if (cause === 'uninstalled')
      await tx.portal.updateMany({ where: { id: portalId }, data: { uninstalledAt: at } });
    await tx.changeNotice.updateMany({
      where: { portalId, processedAt: null },
      data: { processedAt: at, lastError: cause },
    });
    // A job running now keeps its lock; remove_job stops it from being retried.
    for (const key of [
      syncPortalJobKey(portalId),
      syncPortalRetryJobKey(portalId),
      pollPortalJobKey(portalId),
    ]) {
      await tx.$executeRaw`SELECT graphile_worker.remove_job(${key})`;
    }
    // A drain re-queued while its job ran leaves that job behind without its key (graphile-worker
    // clears it); such leftovers are found by the portal's queue in the public `jobs` view.
    await tx.$executeRaw`
      SELECT graphile_worker.complete_jobs(ARRAY(
        SELECT id FROM graphile_worker.jobs
        WHERE queue_name = ${portalQueueName(portalId)}
          AND task_identifier = ${SYNC_PORTAL_TASK}
          AND locked_at IS NULL))`;
  });
}
