import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPortalRepository, createPrismaClient, type Db } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { createChangeIntake, LEGACY_REFRESH_TOKENS_TASK, SYNC_PORTAL_TASK } from '@ledgersync/jobs';
import type { PortalPorts } from '@ledgersync/portal-adapters';
import type { Runner } from 'graphile-worker';
import { startWorker } from './create-worker.ts';

let database: TestDatabase;
let db: Db;
let worker: Runner;
const built: string[] = [];
const refreshed: string[] = [];
// Ports that must not be used: these tests only reach the point where a drain needs no adapter.
const unusable = new Proxy({} as PortalPorts, {
  get: (_target, property) => {
    if (property === 'then') return undefined;
    throw new Error('adapters must not be used here');
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  worker = await startWorker({
    databaseUrl: database.url,
    db,
    concurrency: 2,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 100,
    portsFor: async (portalId) => {
      built.push(portalId);
      return unusable;
    },
    tokenRefresher: {
      refreshHubSpot: async () => 'refreshed',
      refreshQuickBooks: async (portalId) => {
        refreshed.push(portalId);
        return 'refreshed';
      },
      refreshHubSpotAfterRejection: async () => {},
    },
  });
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
  await database.drop();
});

let hub = 100n;
async function portal(status: 'connected' | 'needs_reauth' = 'connected') {
  const p = await createPortalRepository(db).upsertInstalled(hub++, new Date());
  await db.quickBooksConnection.create({
    data: { portalId: p.id, realmId: `realm-${hub}`, connectedAt: new Date(), status },
  });
  return p.id;
}
const notice = (portalId: string, eventId: string) => ({
  portalId,
  side: 'hubspot' as const,
  object: 'invoice' as const,
  recordId: `r-${eventId}`,
  eventId,
});
const jobsOf = async (portalId: string) =>
  (
    await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'portalId' = ${portalId}`
  )[0]?.n ?? 0n;
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}

describe('worker', () => {
  it('a stored notice runs sync-portal for its portal; a notice of an object that does not sync is closed (R-CON-5)', async () => {
    const id = await portal();
    await createChangeIntake(db, { debounceMs: 0 }).record([notice(id, `a-${id}`)]);
    await until(
      async () => (await db.changeNotice.count({ where: { portalId: id, processedAt: null } })) === 0,
    );
    expect(built).toContain(id);
    await until(async () => (await jobsOf(id)) === 0n);
  });

  it('R-ERR-7: a portal whose QBO authorization needs renewing is paused; its notices wait', async () => {
    const id = await portal('needs_reauth');
    await createChangeIntake(db, { debounceMs: 0 }).record([notice(id, `b-${id}`)]);
    await until(async () => (await jobsOf(id)) === 0n);
    expect(built).not.toContain(id);
    expect(await db.changeNotice.count({ where: { portalId: id, processedAt: null } })).toBe(1);
  });

  it('a job whose payload its task cannot accept fails with an error naming the field', async () => {
    // Queued by hand, as a buggy enqueuer would: @ledgersync/jobs checks payloads before queueing.
    await db.$executeRaw`SELECT graphile_worker.add_job(${SYNC_PORTAL_TASK}, '{"portal": "p-1"}'::json, job_key := 'bad-payload')`;
    const lastError = async () =>
      (
        await db.$queryRaw<{ last_error: string | null }[]>`
          SELECT last_error FROM graphile_worker.jobs WHERE key = 'bad-payload'`
      )[0]?.last_error ?? null;
    await until(async () => (await lastError()) !== null);
    expect(await lastError()).toMatch(/^sync-portal job payload is invalid: portalId: /);
  });

  it('still runs a refresh job queued under the task name of the previous release', async () => {
    const id = await portal();
    await db.quickBooksConnection.update({
      where: { portalId: id },
      data: { accessTokenExpiresAt: new Date(Date.now() + 60_000) },
    });
    // As a worker of the previous release leaves it in the queue during a deploy.
    await db.$executeRaw`SELECT graphile_worker.add_job(${LEGACY_REFRESH_TOKENS_TASK}, '{}'::json, job_key := 'old-name')`;
    const queued = async () =>
      (
        await db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = 'old-name'`
      )[0]?.n ?? 0n;
    await until(async () => (await queued()) === 0n);
    expect(refreshed).toContain(id);
  });
});
