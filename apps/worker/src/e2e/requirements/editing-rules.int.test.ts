import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { linkOfHubSpot, syncedHubSpotInvoice } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

/** A bookkeeper sets the quantity of the invoice's first line in QBO (amount kept consistent). */
async function setFirstLineQuantity(p: TestPortal, qboId: string, qty: string) {
  const current = await p.qbo.read('Invoice', qboId);
  const lines = (current.Line ?? []).filter((l) => l.DetailType === 'SalesItemLineDetail');
  const [first, ...rest] = lines;
  if (!first?.SalesItemLineDetail) throw new Error('no line');
  const price = first.SalesItemLineDetail.UnitPrice;
  const edited = {
    ...first,
    Amount: new JsonDecimal((Number(qty) * Number(String(price))).toFixed(2)),
    SalesItemLineDetail: { ...first.SalesItemLineDetail, Qty: new JsonDecimal(qty) },
  };
  await p.qbo.sparseUpdate(
    'Invoice',
    { Id: current.Id, SyncToken: current.SyncToken ?? '0', Line: [edited, ...rest] },
    `e2e-qty-${qboId}-${qty}-${current.SyncToken}`,
  );
}

describe('editing rules', () => {
  it('R-EDT-1: lines of a HubSpot invoice changed in QBO are not copied back; it fails (R-ERR-4) until QBO is reverted', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);
    const linesBefore = (await p.read('hubspot', 'invoice', ids.hubspotId)).lines;

    await setFirstLineQuantity(p, ids.quickbooksId, '5');
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({
      status: 'failed',
      errorCode: 'hubspot_native_edited_in_quickbooks',
    });
    expect((await p.read('hubspot', 'invoice', ids.hubspotId)).lines).toEqual(linesBefore);

    await setFirstLineQuantity(p, ids.quickbooksId, '3');
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });
    expect((await p.read('hubspot', 'invoice', ids.hubspotId)).lines).toEqual(linesBefore);
  });

  it('R-ERR-4: a line edit in QBO is recorded as the R-ERR-4 failure, and a HubSpot edit of the lines heals it', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);
    await setFirstLineQuantity(p, ids.quickbooksId, '4');
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    const failed = await world.db.syncActivity.findFirstOrThrow({
      where: { portalId: p.portalId, errorCode: 'hubspot_native_edited_in_quickbooks' },
    });
    expect(failed.object).toBe('invoice');

    // The HubSpot side is edited: HubSpot's lines win and go to QBO again.
    const hsInvoice = await p.hs<{ associations?: { 'line items'?: { results: { id: string }[] } } }>(
      `/crm/v3/objects/invoices/${ids.hubspotId}?associations=line_items`,
    );
    const lineIds = Object.values(hsInvoice.associations ?? {}).flatMap((a) => a.results.map((r) => r.id));
    const widget = lineIds[0];
    if (!widget) throw new Error('no line items');
    await p.hs(`/crm/v3/objects/line_items/${widget}`, {
      method: 'PATCH',
      body: { properties: { quantity: '6' } },
    });
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });
    const qbo = await p.read('quickbooks', 'invoice', ids.quickbooksId);
    const hs = await p.read('hubspot', 'invoice', ids.hubspotId);
    expect(qbo.total).toBe(hs.total);
    expect(qbo.lines.map((l) => l.quantity).sort()).toEqual(hs.lines.map((l) => l.quantity).sort());
  });

  it('R-EDT-2: a QBO invoice edited in QBO (lines included) reaches HubSpot', async () => {
    const p = await syncingPortal(world);
    const customer = await p.qbo.create(
      'Customer',
      { DisplayName: 'Edt Two', PrimaryEmailAddr: { Address: 'edt2@example.com' } },
      'e2e-edt2-cust',
    );
    const created = await p.qbo.create(
      'Invoice',
      {
        CustomerRef: { value: customer.Id },
        Line: [
          {
            DetailType: 'SalesItemLineDetail',
            Amount: new JsonDecimal('30.00'),
            Description: 'Hours',
            SalesItemLineDetail: { Qty: new JsonDecimal('3'), UnitPrice: new JsonDecimal('10') },
          },
        ],
      },
      'e2e-edt2-inv',
    );
    await p.notify('quickbooks', 'invoice', created.Id);
    await p.drain();
    const link = await world.db.recordLink.findFirstOrThrow({
      where: { portalId: p.portalId, object: 'invoice', quickbooksId: created.Id },
    });
    await setFirstLineQuantity(p, created.Id, '7');
    await p.notify('quickbooks', 'invoice', created.Id);
    await p.drain();
    const hs = await p.read('hubspot', 'invoice', link.hubspotId ?? '');
    expect(hs.lines.map((l) => [l.quantity, l.amount])).toEqual([['7', '70.00']]);
    expect(await linkOfHubSpot(world, p, link.hubspotId ?? '')).toMatchObject({ status: 'synced' });
  });

  it('R-EDT-3: what LedgerSync wrote comes back as a notice on both sides and writes nothing', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);
    const before = await world.db.syncActivity.count({ where: { portalId: p.portalId } });
    // The webhooks of our own writes arrive: the invoice on both sides.
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await world.resetApiCalls();
    await p.drain();
    const calls = (await world.apiCalls()).detail as {
      hubspot: Record<string, number>;
      quickbooks: Record<string, number>;
    };
    const writes = [...Object.entries(calls.hubspot), ...Object.entries(calls.quickbooks)].filter(
      ([route]) => /^(POST|PATCH|PUT|DELETE)/.test(route) && !/search|batch\/read|query/i.test(route),
    );
    expect(writes).toEqual([]);
    expect(await world.db.syncActivity.count({ where: { portalId: p.portalId } })).toBe(before);
  });
});
