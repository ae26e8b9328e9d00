import { z } from 'zod';
import {
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

export const portalJobPayloadSchema = z.object({ portalId: z.uuid() });
/**
 * `page` is the backfill's page count when queued: a job whose page was already counted does
 * nothing. Jobs queued before backfills ran a page per job carry no page: theirs is the first.
 */
export const backfillJobPayloadSchema = z.object({
  backfillId: z.uuid(),
  page: z.number().int().min(0).default(0),
});
/** `page` is the run's page count when queued: a job whose page was already counted does nothing. */
export const firstSyncJobPayloadSchema = z.object({ syncRunId: z.uuid(), page: z.number().int().min(0) });
/** Cron tasks take no input; graphile-worker adds `_cron` ({ts, backfilled}), which they ignore. */
export const cronJobPayloadSchema = z.object({});

/** The payload each task accepts; enqueuers are checked against the same schema the task parses with. */
export const jobPayloadSchemas = {
  [SYNC_PORTAL_TASK]: portalJobPayloadSchema,
  [POLL_PORTAL_TASK]: portalJobPayloadSchema,
  [POLL_ALL_TASK]: cronJobPayloadSchema,
  [REFRESH_TOKENS_TASK]: cronJobPayloadSchema,
  [LEGACY_REFRESH_TOKENS_TASK]: cronJobPayloadSchema,
  [CATCH_UP_APP_PROPERTIES_TASK]: cronJobPayloadSchema,
  [PURGE_EXPIRED_ROWS_TASK]: cronJobPayloadSchema,
  [BACKFILL_TASK]: backfillJobPayloadSchema,
  [FIRST_SYNC_TASK]: firstSyncJobPayloadSchema,
} as const;

export type TaskName = keyof typeof jobPayloadSchemas;
export type JobPayload<T extends TaskName> = z.output<(typeof jobPayloadSchemas)[T]>;
