import type { WorkerEvents } from 'graphile-worker';
import type { WorkerMetrics } from './worker-metrics.ts';

/**
 * Counts every job attempt from graphile-worker's events: `job:success`, and `job:error`, which is
 * a retry while attempts are left and a failure for good on the last one (graphile-worker then
 * also emits `job:failed`, not counted twice).
 */
export function recordJobOutcomes(events: WorkerEvents, metrics: WorkerMetrics): void {
  events.on('job:success', ({ job }) => metrics.recordJob(job.task_identifier, 'succeeded'));
  events.on('job:error', ({ job }) =>
    metrics.recordJob(job.task_identifier, job.attempts >= job.max_attempts ? 'failed' : 'retried'),
  );
}
