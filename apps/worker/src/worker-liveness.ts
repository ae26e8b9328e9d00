import { EventEmitter } from 'node:events';
import type { WorkerEvents } from 'graphile-worker';
import pg from 'pg';

// graphile-worker releases the jobs of a worker that dies without shutting down (SIGKILL, power
// loss) only after four hours, and a per-portal queue stays locked with them: the portal would not
// sync for hours. So each worker process holds a session advisory lock per graphile worker id on a
// connection of its own; the session ends with the process. A lock that can be taken therefore
// belongs to a dead worker, whose jobs and queues are unlocked at once.

const LOCK_CLASS = 0x4c53; // "LS"

export interface Liveness {
  readonly events: WorkerEvents;
  release(): Promise<void>;
}

/** Opens the liveness connection; pass `events` to graphile-worker's `run`. */
export async function holdLiveness(databaseUrl: string): Promise<Liveness> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'ledgersync-worker-liveness',
  });
  await client.connect();
  const events: WorkerEvents = new EventEmitter();
  let chain = Promise.resolve();
  events.on('worker:create', ({ worker }) => {
    chain = chain.then(async () => {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, worker.workerId]);
    });
  });
  return {
    events,
    async release() {
      await chain.catch(() => {});
      await client.end();
    },
  };
}

/**
 * Unlocks the jobs and queues of workers whose process is gone. `olderThanSeconds` skips fresh
 * locks, so a worker that has just started and not yet taken its liveness lock is never reaped.
 */
export async function reapDeadWorkers(databaseUrl: string, olderThanSeconds = 5): Promise<string[]> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'ledgersync-worker-reaper',
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
         WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)
       UNION
       SELECT DISTINCT locked_by FROM graphile_worker._private_job_queues
         WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
    const dead: string[] = [];
    for (const { locked_by: id } of rows) {
      const { rows: got } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
        [LOCK_CLASS, id],
      );
      if (got[0]?.ok) {
        dead.push(id);
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, id]);
      }
    }
    if (dead.length > 0)
      await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [dead]);
    return dead;
  } finally {
    await client.end();
  }
}
