import type { DbClient } from '@ledgersync/db';
import type { JobPayload, TaskName } from './job-payloads.ts';
import { parseJobPayload } from './parse-job-payload.ts';

export interface JobOptions {
  readonly queueName?: string;
  readonly jobKey?: string;
  /** How a job already queued under `jobKey` is updated; graphile-worker's default is `replace`. */
  readonly jobKeyMode?: 'replace' | 'preserve_run_at';
  /** Runs this long after the database's `now()`; at once when absent. */
  readonly delayMs?: number;
}

/**
 * Adds a job through graphile-worker's SQL API on the caller's client, so it can join the caller's
 * transaction: the job exists exactly when the rows that call for it do. The payload is checked
 * against the schema its task parses with, so a job its task would refuse is never queued.
 */
export async function addJob<T extends TaskName>(
  tx: DbClient,
  task: T,
  payload: JobPayload<T>,
  options: JobOptions = {},
): Promise<void> {
  const checked = parseJobPayload(task, payload);
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      ${task},
      ${JSON.stringify(checked)}::json,
      queue_name := ${options.queueName ?? null}::text,
      run_at := now() + make_interval(secs => ${(options.delayMs ?? 0) / 1000}::float8),
      job_key := ${options.jobKey ?? null}::text,
      job_key_mode := ${options.jobKeyMode ?? 'replace'}::text
    )`;
}
