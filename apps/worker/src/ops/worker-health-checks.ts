import { checkReadiness, type Db } from '@ledgersync/db';
import type { Runner } from 'graphile-worker';

/**
 * What the worker's `/healthz` checks: its job runner still runs (it stops only on shutdown or a
 * failure it could not recover from), and the database and the job queue answer.
 */
export function workerHealthChecks(db: Db, runner: Runner): () => Promise<Record<string, string>> {
  let runnerState = 'ok';
  // Observing the end only: a runner that fails still takes the process down as before.
  runner.promise.finally(() => {
    runnerState = 'stopped';
  });
  return async () => ({ runner: runnerState, ...(await checkReadiness(db)) });
}
