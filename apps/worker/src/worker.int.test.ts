import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createChangeIntake,
  createPortalRepository,
  createPrismaClient,
  type Db,
  SYNC_PORTAL_TASK,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import type { PortalPorts } from '@ledgersync/portal-adapters';
import type { Runner } from 'graphile-worker';
import { disconnectPortal, setObjectSyncEnabled } from './api/portal-lifecycle.ts';
import { startWorker } from './create-worker.ts';

let database: TestDatabase;
let db: Db;
let worker: Runner;
const built: string[] = [];
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
  object: 'invoices' as const,
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

  it('R-CON-3: disconnecting QBO removes every queued job of the portal and closes its notices', async () => {
    const id = await portal();
    await createChangeIntake(db, { debounceMs: 60_000 }).record([notice(id, `c-${id}`)]);
    expect(await jobsOf(id)).toBe(1n);
    await disconnectPortal(db, id, 'quickbooks_disconnected');
    expect(await jobsOf(id)).toBe(0n);
    expect(await db.changeNotice.count({ where: { portalId: id, processedAt: null } })).toBe(0);
    expect(await db.quickBooksConnection.findUnique({ where: { portalId: id } })).toMatchObject({
      status: 'disconnected',
      accessToken: null,
    });
  });

  it('R-CON-5: turning invoice sync off closes its pending notices; on again records the start once', async () => {
    const id = await portal();
    await setObjectSyncEnabled(db, id, 'invoice', true, new Date('2026-03-01T00:00:00Z'));
    await createChangeIntake(db, { debounceMs: 60_000 }).record([notice(id, `d-${id}`)]);
    await setObjectSyncEnabled(db, id, 'invoice', false);
    expect(await db.changeNotice.count({ where: { portalId: id, processedAt: null } })).toBe(0);
    await setObjectSyncEnabled(db, id, 'invoice', true, new Date('2026-04-01T00:00:00Z'));
    const row = await db.syncSettings.findFirst({ where: { portalId: id, object: 'invoices' } });
    expect(row).toMatchObject({ enabled: true, syncStartedAt: new Date('2026-03-01T00:00:00Z') });
    expect(SYNC_PORTAL_TASK).toBe('sync-portal');
  });
});
