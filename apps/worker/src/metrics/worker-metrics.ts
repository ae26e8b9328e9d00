import type { ApiCallOutcome, DrainReport, Side } from '@ledgersync/sync-engine';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** How a graphile-worker job attempt ended: done, failed for good, or failed with attempts left. */
export type JobOutcome = 'succeeded' | 'failed' | 'retried';

/**
 * Every metric the worker exposes, on one registry of its own (never prom-client's global one, so
 * tests and the sandbox can run several in one process). A new metric is declared here and
 * recorded through a function of this object, so nothing else in the worker touches prom-client.
 */
export function createWorkerMetrics() {
  const registry = new Registry();
  // CPU, memory, event-loop lag, handles, GC: the process_* and nodejs_* series.
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({
    name: 'ledgersync_jobs_total',
    help: 'Job attempts by task and outcome (succeeded, failed for good, retried later)',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
  });
  const apiCalls = new Counter({
    name: 'ledgersync_api_calls_total',
    help: 'Requests the sync adapters sent, by side and status (ok, an HTTP status such as 429, timeout, error)',
    labelNames: ['side', 'status'] as const,
    registers: [registry],
  });
  const changeToWrite = new Histogram({
    name: 'ledgersync_change_to_write_seconds',
    help: 'From a change (its notice occurredAt) to its write on the other side, by the side it came from',
    labelNames: ['from'] as const,
    buckets: [1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    registers: [registry],
  });

  const changeStage = new Histogram({
    name: 'ledgersync_change_stage_seconds',
    help:
      'Each stage of a written change, by stage (notice: change to notice stored; queue: stored to the ' +
      'drain pass starting; write: pass start to the write on the other side) and the side it came from',
    labelNames: ['stage', 'from'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });

  return {
    registry,
    recordJob(task: string, outcome: JobOutcome): void {
      jobs.inc({ task, outcome });
    },
    recordApiCall(side: Side, outcome: ApiCallOutcome): void {
      const status = outcome === 'network' ? 'error' : String(outcome);
      apiCalls.inc({ side, status });
    },
    recordDrain(report: DrainReport): void {
      for (const { from, ms } of report.changeToWrite) changeToWrite.observe({ from }, ms / 1000);
      for (const { from, ms } of report.stages)
        for (const [stage, stageMs] of Object.entries(ms))
          changeStage.observe({ stage, from }, stageMs / 1000);
    },
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
