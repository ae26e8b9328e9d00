import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { readBackfillProgress, startBackfill } from '../api/backfill.ts';
import { exportHistoricalInvoicesCsv } from '../api/historical-invoices-csv.ts';
import { runBackfill } from '../tasks/backfill-task.ts';
import { countQbo, finalizedHubSpotInvoice } from './fixtures.ts';

let world: TestWorld;
let p: TestPortal;
let historical: HsObject;
const hour = 3_600_000;
beforeAll(async () => {
  world = await startTestWorld();
  p = await syncingPortal(world);
  historical = await finalizedHubSpotInvoice(p);
  // The sync is turned on after the invoice was created: it is historical.
  await world.db.syncSettings.updateMany({
    where: { portalId: p.portalId, object: 'invoices' },
    data: { syncStartedAt: new Date(Date.now() + 1_000) },
  });
  await new Promise((r) => setTimeout(r, 1_100));
});
afterAll(() => world.close());

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

  it('exports them as a CSV that QBO invoice import reads: one row per line, exact amounts', async () => {
    const result = await exportHistoricalInvoicesCsv((await p.ports()).readers.hubspot, {
      from: new Date(Date.now() - hour),
      to: new Date(Date.now() + hour),
    });
    if (!result.ok) throw new Error(result.error);
    const [header, ...rows] = result.csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'InvoiceNo,Customer,InvoiceDate,DueDate,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,ItemAmount,Currency',
    );
    expect(result.invoices).toBe(1);
    expect(rows).toHaveLength(2);
    const number = historical.properties.hs_number ?? '';
    expect(rows.every((r) => r.startsWith(`${number},Ada Lovelace,`))).toBe(true);
    expect(rows.map((r) => r.split(',').slice(5, 6)[0]).sort()).toEqual(['Custom Line Item', 'Widget']);
    expect(rows.map((r) => r.split(',')[9]).sort()).toEqual(['37.50', '40.00']);
  });

  it('an admin-started backfill over a date range syncs them, with progress the UI can read', async () => {
    const id = await startBackfill(world.db, p.portalId, {
      from: new Date(Date.now() - hour),
      to: new Date(Date.now() + hour),
    });
    expect(await readBackfillProgress(world.db, id)).toMatchObject({ status: 'pending', done: 0 });
    await runBackfill({ db: world.db, portsFor: world.portsFor, clock: world.clock }, id);
    expect(await readBackfillProgress(world.db, id)).toMatchObject({
      status: 'done',
      total: 1,
      done: 1,
      failed: 0,
    });
    expect(await countQbo(p, 'Invoice')).toBe(1);
    const row = await world.db.recordLink.findFirst({
      where: { portalId: p.portalId, hubspotId: historical.id },
    });
    expect(row).toMatchObject({ status: 'synced', quickbooksId: expect.any(String) });
    // Running it again (a retried job) changes nothing.
    await runBackfill({ db: world.db, portsFor: world.portsFor, clock: world.clock }, id);
    expect(await countQbo(p, 'Invoice')).toBe(1);
  });
});
