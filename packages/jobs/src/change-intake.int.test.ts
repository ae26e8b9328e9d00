import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPortalRepository, createPrismaClient, createPrismaSyncStore, type Db } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { Logger, run } from 'graphile-worker';
import { createChangeIntake } from './change-intake.ts';
import { portalQueueName, syncPortalJobKey } from './job-keys.ts';
import { requestResync } from './request-resync.ts';
import { SYNC_PORTAL_TASK } from './task-names.ts';

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

interface JobRow {
  key: string | null;
  queue_name: string | null;
  run_at: Date;
  payload: { portalId: string };
}
const jobs = () =>
  db.$queryRaw<JobRow[]>`
    SELECT j.key, v.queue_name, j.run_at, j.payload
    FROM graphile_worker._private_jobs j JOIN graphile_worker.jobs v ON v.id = j.id
    WHERE v.task_identifier = ${SYNC_PORTAL_TASK} ORDER BY j.id`;

const notice = (portalId: string, eventId: string) => ({
  portalId,
  side: 'hubspot' as const,
  object: 'invoice' as const,
  recordId: `r-${eventId}`,
  eventId,
});

describe('change intake', () => {
  it('stores new notices and schedules one keyed, queued job per portal; bursts coalesce', async () => {
    const portals = createPortalRepository(db);
    const a = await portals.upsertInstalled(1n, new Date());
    const b = await portals.upsertInstalled(2n, new Date());
    const intake = createChangeIntake(db, { debounceMs: 60_000 });

    expect(await intake.record([notice(a.id, 'e1'), notice(a.id, 'e2'), notice(b.id, 'e3')])).toBe(3);
    const first = await jobs();
    expect(first.map((j) => [j.key, j.queue_name, j.payload.portalId]).sort()).toEqual(
      [
        [syncPortalJobKey(a.id), portalQueueName(a.id), a.id],
        [syncPortalJobKey(b.id), portalQueueName(b.id), b.id],
      ].sort(),
    );

    // A duplicate delivery stores nothing new; a new change for portal A keeps A's first run time.
    expect(await intake.record([notice(a.id, 'e1')])).toBe(0);
    expect(await intake.record([notice(a.id, 'e4')])).toBe(1);
    const second = await jobs();
    expect(second).toHaveLength(2);
    const runAt = (rows: JobRow[]) => rows.find((j) => j.payload.portalId === a.id)!.run_at.getTime();
    expect(runAt(second)).toBe(runAt(first));
    expect(await db.changeNotice.count()).toBe(4);
  });

  it('hands the job to a graphile-worker task with the portal id', async () => {
    const portal = await createPortalRepository(db).upsertInstalled(3n, new Date());
    await createChangeIntake(db, { debounceMs: 0 }).record([notice(portal.id, 'e-run')]);
    const seen: string[] = [];
    const runner = await run({
      connectionString: database.url,
      logger: new Logger(() => () => {}),
      concurrency: 1,
      noHandleSignals: true,
      pollInterval: 100,
      taskList: {
        [SYNC_PORTAL_TASK]: async (payload) => {
          seen.push((payload as { portalId: string }).portalId);
        },
      },
    });
    for (let i = 0; i < 100 && !seen.includes(portal.id); i++) await new Promise((r) => setTimeout(r, 50));
    await runner.stop();
    expect(seen).toContain(portal.id);
  });

  it('R-OBJ-7: stores a QBO merge with the survivor, which the claim hands on with the merged-away record', async () => {
    const portalId = (await createPortalRepository(db).upsertInstalled(91n, new Date())).id;
    const intake = createChangeIntake(db, { debounceMs: 60_000 });
    await intake.record([
      { portalId, side: 'quickbooks', object: 'customer', recordId: '9', mergedIntoId: '4', eventId: 'm1' },
      { portalId, side: 'quickbooks', object: 'customer', recordId: '4', eventId: 'u1' },
    ]);

    const claimed = await createPrismaSyncStore(db).claimNotices(portalId, 10, new Date());
    expect(claimed.map((n) => [n.recordId, n.kind, n.mergedInto])).toEqual([
      ['9', 'merge', '4'],
      ['4', 'change', null],
    ]);
  });

  it('R-VIS-1: a resync stores a fresh notice for the record and schedules its portal', async () => {
    const portal = await createPortalRepository(db).upsertInstalled(4n, new Date());
    const at = new Date('2026-05-01T10:00:00Z');
    await requestResync(db, portal.id, { side: 'hubspot', object: 'customer', recordId: '77' }, { at });
    await requestResync(db, portal.id, { side: 'hubspot', object: 'customer', recordId: '77' }, { at });
    expect(
      await db.changeNotice.findMany({
        where: { portalId: portal.id },
        select: { side: true, object: true, recordId: true, eventId: true, occurredAt: true },
      }),
    ).toEqual([
      {
        side: 'hubspot',
        object: 'customer',
        recordId: '77',
        eventId: `resync:customer:77:${at.getTime()}`,
        occurredAt: at,
      },
    ]);
    expect((await jobs()).map((j) => j.key)).toContain(syncPortalJobKey(portal.id));
  });
});
