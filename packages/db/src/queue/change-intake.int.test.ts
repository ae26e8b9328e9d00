import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger, run } from 'graphile-worker';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createChangeIntake } from './change-intake.ts';
import { portalQueueName, SYNC_PORTAL_TASK, syncPortalJobKey } from './schedule-portal-sync.ts';

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
  object: 'invoices' as const,
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
});
