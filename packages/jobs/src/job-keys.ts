import { POLL_PORTAL_TASK, SYNC_PORTAL_TASK } from './task-names.ts';

/** One queue per portal: graphile-worker runs one job of a queue at a time, across every process. */
export const portalQueueName = (portalId: string) => `portal:${portalId}`;

/** The drain scheduled by new notices; `preserve_run_at` on it makes a burst coalesce. */
export const syncPortalJobKey = (portalId: string) => `${SYNC_PORTAL_TASK}:${portalId}`;

/**
 * The drain of notices deferred for backoff. A key of its own: the notices' key keeps its earliest
 * run time, so a retry due in an hour must not hold back a fresh change.
 */
export const syncPortalRetryJobKey = (portalId: string) => `${SYNC_PORTAL_TASK}-retry:${portalId}`;

/** One poll per portal at a time: a slow poll is never doubled. */
export const pollPortalJobKey = (portalId: string) => `${POLL_PORTAL_TASK}:${portalId}`;

/** One queued page per backfill. */
export const backfillJobKey = (backfillId: string) => `backfill:${backfillId}`;

/** One queued page per first sync: cancelling removes it by this key. */
export const firstSyncJobKey = (syncRunId: string) => `first-sync:${syncRunId}`;
