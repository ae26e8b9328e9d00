import type { DbClient } from '../client/create-prisma-client.ts';

export type Reachability = 'ok' | 'unreachable';

/** Whether the database answers and the job queue's schema is there (the readiness probe). */
export async function checkReadiness(db: DbClient): Promise<{ database: Reachability; queue: Reachability }> {
  const reach = (probe: Promise<unknown>): Promise<Reachability> =>
    probe.then(
      () => 'ok',
      () => 'unreachable',
    );
  return {
    database: await reach(db.$queryRaw`SELECT 1`),
    queue: await reach(db.$queryRaw`SELECT 1 FROM graphile_worker._private_jobs LIMIT 1`),
  };
}
