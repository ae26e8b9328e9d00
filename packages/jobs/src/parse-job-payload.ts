import { type JobPayload, jobPayloadSchemas, type TaskName } from './job-payloads.ts';

/**
 * A job whose payload its task cannot accept: a bug in whoever queued it. graphile-worker logs the
 * message and retries; the message names the task and each bad field.
 */
export class JobPayloadError extends Error {
  readonly code = 'invalid_job_payload';
  constructor(
    readonly task: TaskName,
    readonly problems: readonly string[],
  ) {
    super(`${task} job payload is invalid: ${problems.join('; ')}`);
    this.name = 'JobPayloadError';
  }
}

export function parseJobPayload<T extends TaskName>(task: T, payload: unknown): JobPayload<T> {
  const parsed = jobPayloadSchemas[task].safeParse(payload);
  if (parsed.success) return parsed.data as JobPayload<T>;
  throw new JobPayloadError(
    task,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`),
  );
}
