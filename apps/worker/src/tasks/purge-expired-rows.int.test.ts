import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db, recordSignatureUse, saveOAuthState } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { PURGE_EXPIRED_ROWS_TASK } from '@ledgersync/jobs';
import type { Runner } from 'graphile-worker';
import { startWorker } from '../create-worker.ts';

let database: TestDatabase;
let db: Db;
let worker: Runner;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  worker = await startWorker({
    databaseUrl: database.url,
    db,
    concurrency: 1,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 100,
    portsFor: async () => null,
  });
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
  await database.drop();
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}

describe('purge-expired-rows', () => {
  it('deletes OAuth states and served signatures whose time is over, and keeps the live ones', async () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    // What every unauthenticated install link and every signed request leave behind.
    for (let i = 0; i < 5; i++) {
      await saveOAuthState(db, {
        id: `old-${i}`,
        provider: 'hubspot',
        portalId: null,
        userId: null,
        expiresAt: at(-1),
      });
      await recordSignatureUse(db, `old-${i}`, at(-1));
    }
    await saveOAuthState(db, {
      id: 'live',
      provider: 'hubspot',
      portalId: null,
      userId: null,
      expiresAt: at(10),
    });
    await recordSignatureUse(db, 'live', at(5));

    // The cron runs it every 15 minutes; here it is queued at once.
    await db.$executeRaw`SELECT graphile_worker.add_job(${PURGE_EXPIRED_ROWS_TASK}, '{}'::json)`;
    await until(async () => (await db.oAuthState.count()) === 1 && (await db.signatureUse.count()) === 1);
    expect((await db.oAuthState.findMany()).map((s) => s.id)).toEqual(['live']);
    expect((await db.signatureUse.findMany()).map((s) => s.signatureHash)).toEqual(['live']);
  });
});
