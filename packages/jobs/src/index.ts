export { createChangeIntake } from './change-intake.ts';
export { disconnectPortal } from './disconnect-portal.ts';
export {
  cancelFirstSync,
  queueFirstSyncPage,
  sourceSidesOf,
  startFirstSync,
} from './first-sync.ts';
export { portalQueueName, syncPortalJobKey, syncPortalRetryJobKey } from './job-keys.ts';
export { parseJobPayload } from './parse-job-payload.ts';
export { requestResync } from './request-resync.ts';
export { saveHubSpotInstall } from './save-hubspot-install.ts';
export { schedulePortalPoll } from './schedule-portal-poll.ts';
export { schedulePortalSync } from './schedule-portal-sync.ts';
export { setObjectSyncEnabled } from './set-object-sync-enabled.ts';
export { queueBackfillPage, startBackfill } from './start-backfill.ts';
export {
  BACKFILL_TASK,
  CATCH_UP_APP_PROPERTIES_TASK,
  FIRST_SYNC_TASK,
  LEGACY_REFRESH_TOKENS_TASK,
  POLL_ALL_TASK,
  POLL_PORTAL_TASK,
  PURGE_EXPIRED_ROWS_TASK,
  REFRESH_TOKENS_TASK,
  SYNC_PORTAL_TASK,
} from './task-names.ts';
