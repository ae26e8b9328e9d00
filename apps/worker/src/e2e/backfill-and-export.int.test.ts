import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBackfill } from '@ledgersync/jobs';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { injectQbo } from '../faults/emulator-faults.ts';
import { runBackfillPage } from '../tasks/backfill-task.ts';
import { countQbo, finalizedHubSpotInvoice, until } from './fixtures.ts';

let world: TestWorld;
let p: TestPortal;
let historical: HsObject;
const hour = 3_600_000;
beforeAll(async () => {
  world = await startTestWorld();
  p = await syncingPortal(world);
  historical = await finalizedHubSpotInvoice(p);
  await finalizedHubSpotInvoice(p, 'grace@example.com', ' II');
  // Another customer of the same name: QBO refuses the duplicate display name, so this one fails.
  await finalizedHubSpotInvoice(p, 'alan@example.com', '');
  // The sync is turned on after the invoice was created: it is historical.
  await world.db.syncSettings.updateMany({
    where: { portalId: p.portalId, object: 'invoice' },
    data: { syncStartedAt: new Date(Date.now() + 1_000) },
  });
  await new Promise((r) => setTimeout(r, 1_100));
});
afterAll(() => world.close());

/** Runs the backfill's pages in turn, as the portal's queue runs the job each page queues for the next. */
async function runBackfill(backfillId: string): Promise<void> {
  const deps = { db: world.db, portsFor: world.portsFor, clock: world.clock };
  for (;;) {
    const row = await world.db.backfill.findUniqueOrThrow({ where: { id: backfillId } });
    if (row.status !== 'pending' && row.status !== 'running') return;
    await runBackfillPage(deps, backfillId, row.pages);
  }
}

describe('historical HubSpot invoices (R-FLT-4)', () => {
  it('R-FLT-1: an invoice created before the sync was turned on is not synced, and says why', async () => {
    await p.notify('hubspot', 'invoice', historical.id);
    await p.drain();
    expect(await countQbo(p, 'Invoice')).toBe(0);
    const row = await world.db.recordLink.findFirst({
      where: { portalId: p.portalId, hubspotId: historical.id },
    });
    expect(row).toMatchObject({ status: 'excluded', quickbooksId: null });
    expect(row?.exclusionReason).toBeTruthy();
  });

  it('an admin-started backfill over a date range syncs them, with progress the UI can read', async () => {
    const id = await startBackfill(world.db, p.portalId, {
      from: new Date(Date.now() - hour),
      to: new Date(Date.now() + hour),
    });
    const progress = () => world.db.backfill.findUnique({ where: { id } });
    expect(await progress()).toMatchObject({ status: 'pending', done: 0 });
    // QBO holds the run's first write, so its progress can be read before anything is done.
    await injectQbo(world, { path: '/v3/company', method: 'POST', count: 1, delayMs: 1_500 });
    const run = runBackfill(id);
    await until(async () => (await progress())?.status === 'running', 10_000);
    expect(await progress()).toMatchObject({ total: 3, done: 0, failed: 0 });
    await run;
    expect(await progress()).toMatchObject({
      status: 'done',
      total: 3,
      done: 2,
      failed: 1,
    });
    expect(await countQbo(p, 'Invoice')).toBe(2);
    const row = await world.db.recordLink.findFirst({
      where: { portalId: p.portalId, hubspotId: historical.id },
    });
    expect(row).toMatchObject({ status: 'synced', quickbooksId: expect.any(String) });
    // Running its page again (a retried job) changes nothing.
    await runBackfillPage({ db: world.db, portsFor: world.portsFor, clock: world.clock }, id, 0);
    expect(await countQbo(p, 'Invoice')).toBe(2);
    expect(await progress()).toMatchObject({ status: 'done', total: 3, done: 2, failed: 1 });
  });
});
