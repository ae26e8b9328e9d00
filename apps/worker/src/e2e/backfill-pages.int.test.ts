import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createQuickBooksConnectionRepository } from '@ledgersync/db';
import { createChangeIntake, startBackfill } from '@ledgersync/jobs';
import { createPortsFor } from '@ledgersync/portal-adapters';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import type { Runner } from 'graphile-worker';
import { startWorker } from '../create-worker.ts';
import { runBackfillPage } from '../tasks/backfill-task.ts';
import { countQbo, finalizedHubSpotInvoice, until } from './fixtures.ts';

// One invoice per HubSpot search page, so three historical invoices make a backfill of several
// pages, each its own job in the portal's queue.
let world: TestWorld;
const hour = 3_600_000;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const portsFor = () => createPortsFor({ ...world.adapterOptions, hubspotSearchPageSize: 1 });

/** A syncing portal with three HubSpot invoices created before its invoice sync was turned on. */
async function portalWithHistory(): Promise<{ p: TestPortal; historical: HsObject[]; endOfHistory: Date }> {
  const p = await syncingPortal(world);
  const historical = [
    await finalizedHubSpotInvoice(p, 'ada@example.com', ' I'),
    await finalizedHubSpotInvoice(p, 'grace@example.com', ' II'),
    await finalizedHubSpotInvoice(p, 'alan@example.com', ' III'),
  ];
  await world.db.syncSettings.updateMany({
    where: { portalId: p.portalId, object: 'invoice' },
    data: { syncStartedAt: new Date(Date.now() + 1_000) },
  });
  await new Promise((r) => setTimeout(r, 1_100));
  return { p, historical, endOfHistory: new Date() };
}

/** The pages the backfill's queued jobs are for (the public view shows no payload). */
const queuedPage = async (backfillId: string) =>
  (
    await world.db.$queryRaw<{ page: number }[]>`
      SELECT (payload->>'page')::int AS page FROM graphile_worker._private_jobs
      WHERE payload->>'backfillId' = ${backfillId}`
  ).map((j) => j.page);

describe('a backfill runs one page per job (R-FLT-4)', () => {
  it('a page run twice (a retried job) counts once, and its next page is queued once', async () => {
    const { p, endOfHistory } = await portalWithHistory();
    const id = await startBackfill(world.db, p.portalId, {
      from: new Date(Date.now() - hour),
      to: endOfHistory,
    });
    expect(await queuedPage(id)).toEqual([0]);
    const deps = { db: world.db, portsFor: portsFor(), clock: world.clock };
    await runBackfillPage(deps, id, 0);
    const afterFirst = await world.db.backfill.findUniqueOrThrow({ where: { id } });
    expect(afterFirst).toMatchObject({ status: 'running', total: 3, pages: 1, done: 1, failed: 0 });
    expect(afterFirst.cursor).toEqual(expect.any(String));
    expect(await queuedPage(id)).toEqual([1]);

    await runBackfillPage(deps, id, 0);
    expect(await world.db.backfill.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'running',
      total: 3,
      pages: 1,
      done: 1,
      failed: 0,
      cursor: afterFirst.cursor,
    });
    expect(await queuedPage(id)).toEqual([1]);
    expect(await countQbo(p, 'Invoice')).toBe(1);

    // The queued page goes on from the stored cursor to the end.
    for (let page = 1; ; page++) {
      const row = await world.db.backfill.findUniqueOrThrow({ where: { id } });
      if (row.status !== 'running') break;
      await runBackfillPage(deps, id, page);
    }
    const finished = await world.db.backfill.findUniqueOrThrow({ where: { id } });
    expect(finished).toMatchObject({ status: 'done', total: 3, done: 3, failed: 0 });
    expect(await countQbo(p, 'Invoice')).toBe(3);
    // The last page queued no next one; its own job (run here by hand) does nothing when it runs.
    expect(await queuedPage(id)).toEqual([finished.pages - 1]);
    await runBackfillPage(deps, id, finished.pages - 1);
    expect(await world.db.backfill.findUniqueOrThrow({ where: { id } })).toEqual(finished);
  });

  it('R-ERR-7: a page of a paused portal is queued again for later, counting nothing; a disconnected one ends cancelled', async () => {
    const { p, endOfHistory } = await portalWithHistory();
    const id = await startBackfill(world.db, p.portalId, {
      from: new Date(Date.now() - hour),
      to: endOfHistory,
    });
    const deps = { db: world.db, portsFor: portsFor(), clock: world.clock };
    const connections = createQuickBooksConnectionRepository(world.db, world.cipher);
    await connections.setStatus(p.portalId, 'needs_reauth');
    await runBackfillPage(deps, id, 0);
    expect(await world.db.backfill.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'pending',
      pages: 0,
      done: 0,
    });
    const [queued] = await world.db.$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker.jobs WHERE key = ${`backfill:${id}`}`;
    expect(queued?.run_at.getTime()).toBeGreaterThan(Date.now() + 60_000);

    await connections.setStatus(p.portalId, 'connected');
    await runBackfillPage(deps, id, 0);
    expect(await world.db.backfill.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'running',
      pages: 1,
      done: 1,
    });

    await connections.setStatus(p.portalId, 'disconnected');
    await runBackfillPage(deps, id, 1);
    expect(await world.db.backfill.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'cancelled',
      pages: 1,
      done: 1,
      finishedAt: expect.any(Date),
    });
    expect(await countQbo(p, 'Invoice')).toBe(1);
  });

  describe('with the worker running the portal queue', () => {
    let worker: Runner | undefined;
    afterAll(async () => {
      await worker?.stop();
    });

    it('a live change queued during a multi-page backfill is synced before the backfill ends', async () => {
      const { p, endOfHistory } = await portalWithHistory();
      // Created after the sync was turned on, and after the backfill's range: only a drain takes it.
      const live = await finalizedHubSpotInvoice(p, 'live@example.com', ' Live');
      const id = await startBackfill(world.db, p.portalId, {
        from: new Date(Date.now() - hour),
        to: endOfHistory,
      });
      await createChangeIntake(world.db, { debounceMs: 0 }).record([
        {
          portalId: p.portalId,
          side: 'hubspot',
          object: 'invoice',
          recordId: live.id,
          eventId: `live-${id}`,
        },
      ]);
      worker = await startWorker({
        databaseUrl: world.databaseUrl,
        db: world.db,
        concurrency: 2,
        debounceMs: 0,
        pollEveryMinutes: 0,
        pollIntervalMs: 100,
        portsFor: portsFor(),
      });
      const backfill = () => world.db.backfill.findUniqueOrThrow({ where: { id } });
      await until(async () => (await backfill()).status === 'done', 60_000);
      const done = await backfill();
      expect(done).toMatchObject({ total: 3, done: 3, failed: 0 });
      expect(done.pages).toBeGreaterThan(2);
      const liveLink = await world.db.recordLink.findFirstOrThrow({
        where: { portalId: p.portalId, hubspotId: live.id },
      });
      expect(liveLink).toMatchObject({ status: 'synced', quickbooksId: expect.any(String) });
      // The portal's queue ran the drain between two pages, not after the last one.
      expect(liveLink.lastSyncedAt?.getTime()).toBeLessThan(done.finishedAt?.getTime() ?? 0);
      expect(await countQbo(p, 'Invoice')).toBe(4);
    });
  });
});
