import { describe, expect, it } from '@jest/globals';
import { JobPayloadError, parseJobPayload } from './parse-job-payload.ts';
import {
  BACKFILL_TASK,
  CATCH_UP_APP_PROPERTIES_TASK,
  LEGACY_REFRESH_TOKENS_TASK,
  POLL_ALL_TASK,
  POLL_PORTAL_TASK,
  REFRESH_TOKENS_TASK,
  SYNC_PORTAL_TASK,
} from './task-names.ts';

const uuid = '3f1c2b9e-6a4d-4c8e-9b7a-1d2e3f4a5b6c';

describe('job payloads', () => {
  it('keeps the task names that queued jobs already carry', () => {
    expect([
      SYNC_PORTAL_TASK,
      POLL_ALL_TASK,
      POLL_PORTAL_TASK,
      BACKFILL_TASK,
      LEGACY_REFRESH_TOKENS_TASK,
      REFRESH_TOKENS_TASK,
      CATCH_UP_APP_PROPERTIES_TASK,
    ]).toEqual([
      'sync-portal',
      'poll-all',
      'poll-portal',
      'backfill-invoices',
      'token-care',
      'refresh-tokens',
      'catch-up-app-properties',
    ]);
  });

  it('accepts what each task is queued with', () => {
    expect(parseJobPayload(SYNC_PORTAL_TASK, { portalId: uuid })).toEqual({ portalId: uuid });
    expect(parseJobPayload(POLL_PORTAL_TASK, { portalId: uuid })).toEqual({ portalId: uuid });
    expect(parseJobPayload(BACKFILL_TASK, { backfillId: uuid, page: 2 })).toEqual({
      backfillId: uuid,
      page: 2,
    });
    // A job queued before backfills ran a page per job runs the backfill's first page.
    expect(parseJobPayload(BACKFILL_TASK, { backfillId: uuid })).toEqual({ backfillId: uuid, page: 0 });
    const cron = { _cron: { ts: '2026-05-01T10:00:00.000Z', backfilled: false } };
    expect(parseJobPayload(POLL_ALL_TASK, cron)).toEqual({});
    expect(parseJobPayload(REFRESH_TOKENS_TASK, {})).toEqual({});
    expect(parseJobPayload(LEGACY_REFRESH_TOKENS_TASK, cron)).toEqual({});
    expect(parseJobPayload(CATCH_UP_APP_PROPERTIES_TASK, cron)).toEqual({});
  });

  it('refuses a bad payload with an error that names the task and the field', () => {
    const refusal = (task: Parameters<typeof parseJobPayload>[0], payload: unknown) => {
      try {
        parseJobPayload(task, payload);
      } catch (error) {
        return error;
      }
      throw new Error('accepted');
    };
    const missing = refusal(SYNC_PORTAL_TASK, { portal: uuid });
    expect(missing).toBeInstanceOf(JobPayloadError);
    expect(missing).toMatchObject({ code: 'invalid_job_payload', task: 'sync-portal' });
    expect((missing as Error).message).toMatch(/^sync-portal job payload is invalid: portalId: /);

    const malformed = refusal(BACKFILL_TASK, { backfillId: 'not-a-uuid' });
    expect((malformed as JobPayloadError).problems).toEqual([expect.stringMatching(/^backfillId: .*UUID/i)]);
    const negativePage = refusal(BACKFILL_TASK, { backfillId: uuid, page: -1 });
    expect((negativePage as JobPayloadError).problems).toEqual([expect.stringMatching(/^page: /)]);

    expect((refusal(POLL_ALL_TASK, null) as Error).message).toMatch(
      /^poll-all job payload is invalid: \(payload\): /,
    );
  });
});
