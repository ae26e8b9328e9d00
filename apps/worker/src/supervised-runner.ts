import type { Runner, WorkerEvents } from 'graphile-worker';

// graphile-worker 0.16 lets a worker die when it cannot record a job's outcome: a database restart
// cuts the connection between the task's failure and failJob ("Failed to release job ...;
// committing seppuku"). The pool never replaces it (its own "TODO: handle when a worker shuts
// down"), and the job and the portal's queue stay locked by the dead worker's id, which this
// process's liveness session still holds, so no reaper frees them either: the portal never drains
// again while the process lives. The supervisor unlocks what a dead worker held as soon as the
// database answers, and replaces the runner so the process keeps its full concurrency.

export interface SupervisorOptions {
  /** Starts one graphile-worker runner; it must emit on `events`. */
  readonly start: () => Promise<Runner>;
  readonly events: WorkerEvents;
  /** Frees the jobs and queues locked by these (dead) worker ids. */
  readonly unlockWorkers: (workerIds: string[]) => Promise<void>;
  /** Wait between attempts while the database does not answer, in ms. */
  readonly retryMs?: number;
  readonly onError?: (message: string, error: unknown) => void;
}

export async function superviseRunner(options: SupervisorOptions): Promise<Runner> {
  const retryMs = options.retryMs ?? 500;
  const report = options.onError ?? (() => {});
  let stopping = false;
  // The ids of the workers each runner starts with, to tell whose worker died.
  let starting: Set<string> | null = new Set();
  options.events.on('worker:create', ({ worker }) => starting?.add(worker.workerId));
  let currentIds = starting;
  let current = await options.start();
  starting = null;
  let chain = Promise.resolve();

  const untilDone = async (what: string, attempt: () => Promise<void>): Promise<boolean> => {
    while (!stopping) {
      try {
        await attempt();
        return true;
      } catch (error) {
        report(`${what} failed; trying again in ${retryMs} ms`, error);
        await new Promise((r) => setTimeout(r, retryMs));
      }
    }
    return false;
  };

  options.events.on('worker:fatalError', ({ worker }) => {
    const deadId = worker.workerId;
    chain = chain.then(async () => {
      if (!(await untilDone(`unlocking dead worker ${deadId}`, () => options.unlockWorkers([deadId]))))
        return;
      // A second worker of an already replaced runner dying needs no new runner.
      if (!currentIds.has(deadId)) return;
      const ids = new Set<string>();
      starting = ids;
      let next: Runner | null = null;
      await untilDone('restarting the worker pool', async () => {
        next = await options.start();
      });
      starting = null;
      if (!next) return;
      const old = current;
      current = next;
      currentIds = ids;
      // The old pool's healthy workers finish their jobs; a failure here is theirs to report.
      old.stop().catch((error: unknown) => report('stopping the replaced worker pool failed', error));
    });
  });

  const follow = async (): Promise<void> => {
    for (;;) {
      const runner = current;
      await runner.promise.catch((error: unknown) => {
        if (runner === current) throw error;
      });
      await chain;
      if (runner === current) return;
    }
  };

  return {
    events: options.events,
    addJob: (...args) => current.addJob(...args),
    promise: follow(),
    async stop() {
      stopping = true;
      await chain;
      await current.stop();
    },
  };
}
