import type { DbClient } from '@ledgersync/db';
import { addJob } from './add-job.ts';
import { pollPortalJobKey, portalQueueName } from './job-keys.ts';
import { POLL_PORTAL_TASK } from './task-names.ts';

/**
 * Queues the portal's safety-net poll on the portal's own queue: a poll spends the same HubSpot
 * and QBO budgets as the portal's drains and backfills, so it waits for them instead of running
 * beside them on another worker. The key keeps a slow poll from being doubled.
 */
export async function schedulePortalPoll(tx: DbClient, portalId: string): Promise<void> {
  await addJob(
    tx,
    POLL_PORTAL_TASK,
    { portalId },
    { queueName: portalQueueName(portalId), jobKey: pollPortalJobKey(portalId) },
  );
}
