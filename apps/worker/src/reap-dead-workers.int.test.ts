import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { portalQueueName, SYNC_PORTAL_TASK } from '@ledgersync/jobs';
import type { Runner } from 'graphile-worker';
import { startWorker } from './create-worker.ts';

let database: TestDatabase;
let db: Db;
let worker: Runner | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await worker?.stop();
  await db.$disconnect();
  await database.drop();
});

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}

describe('reaping dead workers (R-ERR-7)', () => {
  it('a portal job and queue locked by a worker that died just before this one started are freed once the lock is old enough', async () => {
    // A drain of a portal that no longer exists: the task only checks the gate and completes.
    const portalId = randomUUID();
    await db.$executeRaw`SELECT graphile_worker.add_job(${SYNC_PORTAL_TASK},
      json_build_object('portalId', ${portalId}::text), queue_name := ${portalQueueName(portalId)})`;
    // As a SIGKILLed worker leaves them: job and queue locked a moment ago by a worker with no session.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'worker-dead', locked_at = now()`;
    await db.$executeRaw`UPDATE graphile_worker._private_job_queues SET locked_by = 'worker-dead', locked_at = now()`;

    // Its start-up reap finds the lock too fresh (it could belong to a worker still starting);
    // the reaper timer frees it a few seconds later instead of leaving the portal blocked.
    worker = await startWorker({
      databaseUrl: database.url,
      db,
      concurrency: 1,
      debounceMs: 0,
      pollEveryMinutes: 0,
      pollIntervalMs: 100,
      reapEveryMs: 1_000,
      portsFor: async () => null,
    });
    await until(async () => {
      const rows = await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM graphile_worker._private_jobs`;
      return Number(rows[0]?.n) === 0;
    });
    const queues = await db.$queryRaw<{ locked_by: string | null }[]>`
      SELECT locked_by FROM graphile_worker._private_job_queues`;
    expect(queues.every((q) => q.locked_by === null)).toBe(true);
  });
});
