import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPortalRepository, createPrismaClient, type Db } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { Logger, run } from 'graphile-worker';
import { createChangeIntake } from './change-intake.ts';
import { disconnectPortal } from './disconnect-portal.ts';
import { backfillJobKey, pollPortalJobKey, portalQueueName } from './job-keys.ts';
import { schedulePortalPoll } from './schedule-portal-poll.ts';
import { schedulePortalSync } from './schedule-portal-sync.ts';
import { setObjectSyncEnabled } from './set-object-sync-enabled.ts';
import { startBackfill } from './start-backfill.ts';
import { BACKFILL_TASK, POLL_PORTAL_TASK, SYNC_PORTAL_TASK } from './task-names.ts';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

let hub = 100n;
async function portal() {
  const p = await createPortalRepository(db).upsertInstalled(hub++, new Date());
  await db.quickBooksConnection.create({
    data: { portalId: p.id, realmId: `realm-${hub}`, connectedAt: new Date(), status: 'connected' },
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
// Reads graphile-worker's own table: the public view does not show payloads, and this asserts that
// no job naming the portal is left at all, whatever its key.
const jobsOf = async (portalId: string) =>
  (
    await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'portalId' = ${portalId}`
  )[0]?.n ?? 0n;
const jobView = (key: string) =>
  db.$queryRaw<{ task_identifier: string; queue_name: string | null }[]>`
    SELECT task_identifier, queue_name FROM graphile_worker.jobs WHERE key = ${key}`;
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}

describe('portal life cycle', () => {
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

  it('R-CON-3: a drain re-queued while it ran, then failed, leaves no job behind a disconnect', async () => {
    const id = await portal();
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let fail = () => {};
    const failing = new Promise<void>((resolve) => {
      fail = resolve;
    });
    const runner = await run({
      connectionString: database.url,
      logger: new Logger(() => () => {}),
      concurrency: 1,
      noHandleSignals: true,
      pollInterval: 100,
      taskList: {
        [SYNC_PORTAL_TASK]: async () => {
          started();
          await failing;
          throw new Error('drain failed');
        },
      },
    });
    try {
      await schedulePortalSync(db, id, 0);
      await running;
      // The running job keeps its lock: graphile-worker takes the key off it and queues a new job.
      await schedulePortalSync(db, id, 60_000);
      fail();
      await until(async () => {
        const rows = await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM graphile_worker.jobs
          WHERE queue_name = ${portalQueueName(id)} AND key IS NULL AND locked_at IS NULL`;
        return rows[0]?.n === 1n;
      });
    } finally {
      await runner.stop();
    }
    expect(await jobsOf(id)).toBe(2n);
    await disconnectPortal(db, id, 'uninstalled');
    expect(await jobsOf(id)).toBe(0n);
    expect(await db.portal.findUnique({ where: { id } })).toMatchObject({ uninstalledAt: expect.any(Date) });
  });

  it('R-CON-5: turning invoice sync off closes its pending notices; on again records the start once', async () => {
    const id = await portal();
    await setObjectSyncEnabled(db, id, 'invoice', true, new Date('2026-03-01T00:00:00Z'));
    await createChangeIntake(db, { debounceMs: 60_000 }).record([notice(id, `d-${id}`)]);
    await setObjectSyncEnabled(db, id, 'invoice', false);
    expect(await db.changeNotice.count({ where: { portalId: id, processedAt: null } })).toBe(0);
    await setObjectSyncEnabled(db, id, 'invoice', true, new Date('2026-04-01T00:00:00Z'));
    const row = await db.syncSettings.findFirst({ where: { portalId: id, object: 'invoice' } });
    expect(row).toMatchObject({ enabled: true, syncStartedAt: new Date('2026-03-01T00:00:00Z') });
    expect(await jobView(pollPortalJobKey(id))).toEqual([
      { task_identifier: POLL_PORTAL_TASK, queue_name: portalQueueName(id) },
    ]);
  });

  it('a poll is queued on the portal queue, once however often it is asked for', async () => {
    const id = await portal();
    await schedulePortalPoll(db, id);
    await schedulePortalPoll(db, id);
    expect(await jobView(pollPortalJobKey(id))).toEqual([
      { task_identifier: POLL_PORTAL_TASK, queue_name: portalQueueName(id) },
    ]);
  });

  it('R-FLT-4: a backfill is a pending row and one job on the portal queue; a reversed range is refused', async () => {
    const id = await portal();
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-02-01T00:00:00Z');
    const backfillId = await startBackfill(db, id, { from, to });
    expect(await db.backfill.findUnique({ where: { id: backfillId } })).toMatchObject({
      portalId: id,
      object: 'invoice',
      status: 'pending',
      from,
      to,
    });
    expect(await jobView(backfillJobKey(backfillId))).toEqual([
      { task_identifier: BACKFILL_TASK, queue_name: portalQueueName(id) },
    ]);
    await expect(startBackfill(db, id, { from: to, to: from })).rejects.toThrow(RangeError);
  });
});
