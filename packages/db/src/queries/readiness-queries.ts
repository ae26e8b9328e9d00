import type { DbClient } from '../client/create-prisma-client.ts';

export type Reachability = 'ok' | 'unreachable';

/**
 * Whether the database answers and the job queue's schema is there (the readiness probe). The
 * queue is probed through graphile-worker's public `jobs` view, never its private tables, which
 * change between its versions.
 */
export async function checkReadiness(db: DbClient): Promise<{ database: Reachability; queue: Reachability }> {
  const reach = (probe: Promise<unknown>): Promise<Reachability> =>
    probe.then(
      () => 'ok',
      () => 'unreachable',
    );
  return {
    database: await reach(db.$queryRaw`SELECT 1`),
    queue: await reach(db.$queryRaw`SELECT 1 FROM graphile_worker.jobs LIMIT 1`),
  };
}

/** Jobs waiting or running in graphile-worker's queue (its public `jobs` view), for the queue gauge. */
export async function countQueuedJobs(db: DbClient): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM graphile_worker.jobs`;
  return Number(rows[0]?.n ?? 0);
}
