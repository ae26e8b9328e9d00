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

/**
 * Opens the liveness connection; pass `events` to graphile-worker's `run`. If the connection is
 * lost (a database restart, a terminated backend), it is reopened and every lock taken again: a
 * worker that lost its session would otherwise look dead to the others, and an unhandled socket
 * error would take the whole process down.
 */
export async function holdLiveness(
  databaseUrl: string,
  options: { retryMs?: number } = {},
): Promise<Liveness> {
  const retryMs = options.retryMs ?? 500;
  const ids = new Set<string>();
  let closed = false;
  let reconnecting = false;
  const lock = (c: pg.Client, id: string) =>
    c.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, id]);

  const open = async (): Promise<pg.Client> => {
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'ledgersync-worker-liveness',
    });
    c.on('error', () => lost(c));
    await c.connect();
    return c;
  };
  let client = await open();
  let chain = Promise.resolve();

  function lost(c: pg.Client): void {
    if (closed || c !== client || reconnecting) return;
    reconnecting = true;
    c.end().catch(() => {});
    chain = chain.then(async () => {
      while (!closed) {
        let next: pg.Client | null = null;
        try {
          next = await open();
          for (const id of ids) await lock(next, id);
          client = next;
          break;
        } catch {
          next?.end().catch(() => {});
          await new Promise((r) => setTimeout(r, retryMs));
        }
      }
      reconnecting = false;
    });
  }

  const events: WorkerEvents = new EventEmitter();
  events.on('worker:create', ({ worker }) => {
    ids.add(worker.workerId);
    chain = chain.then(async () => {
      // On a lost connection the reconnect above takes this lock with the others.
      await lock(client, worker.workerId).catch(() => lost(client));
    });
  });
  // A stopped worker (gracefully, or dead of a fatal error such as a lost connection) is not alive:
  // its lock must not hide what it left locked from the reapers, nor outlive it in this session.
  events.on('worker:stop', ({ worker }) => {
    ids.delete(worker.workerId);
    chain = chain.then(async () => {
      await client
        .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, worker.workerId])
        .catch(() => {});
    });
  });
  return {
    events,
    async release() {
      closed = true;
      await chain.catch(() => {});
      await client.end().catch(() => {});
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
  // A lost connection fails the query below; without a listener it would also crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    // graphile-worker's public `jobs` view shows job locks only; a queue is locked in the same
    // statement as one of its jobs, by the same worker, and unlocked with it, so the workers
    // holding jobs are every worker holding anything. force_unlock_workers frees both.
    const { rows } = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM graphile_worker.jobs
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
