import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal, QboQuery } from '@ledgersync/quickbooks';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { linkOfHubSpot, linkOfQuickBooks, syncedHubSpotInvoice } from './requirement-fixtures.ts';

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

/** A bookkeeper edits an invoice in QBO: the fields given change, with a sparse update. */
async function editInQuickBooks(
  p: TestPortal,
  qboId: string,
  fields: (current: QboInvoice) => Record<string, unknown>,
) {
  const current = await p.qbo.read('Invoice', qboId);
  await p.qbo.sparseUpdate(
    'Invoice',
    { Id: current.Id, SyncToken: current.SyncToken ?? '0', ...fields(current) },
    `e2e-edit-${qboId}-${current.SyncToken}`,
  );
}
type QboInvoice = Awaited<ReturnType<TestPortal['qbo']['read']>> & { Line?: { DetailType: string }[] };

/** The first sales line's tax code set to `code` (US companies: TAX or NON). */
const withTaxCode = (code: string) => (current: QboInvoice) => {
  const [first, ...rest] = (current as { Line: Record<string, unknown>[] }).Line.filter(
    (l) => l.DetailType === 'SalesItemLineDetail',
  );
  const detail = (first?.SalesItemLineDetail ?? {}) as Record<string, unknown>;
  return { Line: [{ ...first, SalesItemLineDetail: { ...detail, TaxCodeRef: { value: code } } }, ...rest] };
};

/** What the portal wrote to HubSpot or QBO since the last reset (reads and searches left out). */
async function writesSinceReset(world: TestWorld): Promise<string[]> {
  const calls = (await world.apiCalls()).detail as {
    hubspot: Record<string, number>;
    quickbooks: Record<string, number>;
  };
  return [...Object.keys(calls.hubspot), ...Object.keys(calls.quickbooks)].filter(
    (route) => /^(POST|PATCH|PUT|DELETE)/.test(route) && !/search|batch\/read|query/i.test(route),
  );
}

/** A HubSpot invoice paid in full in HubSpot, the payment synced to QBO; returns the ids. */
async function paidInHubSpot(world: TestWorld, p: TestPortal) {
  const ids = await syncedHubSpotInvoice(world, p);
  const { payment } = await p.hsControl<{ payment: HsObject }>(
    `/portals/${p.hubId}/ui/invoices/${ids.hubspotId}/payments`,
    { amount: '77.50' },
  );
  await p.notify('hubspot', 'payment', payment.id);
  await p.notify('hubspot', 'invoice', ids.hubspotId);
  await p.drain();
  // QBO reports the invoice it paid as changed.
  await p.notify('quickbooks', 'invoice', ids.quickbooksId);
  await p.drain();
  const link = await linkOfHubSpot(world, p, payment.id);
  expect(link).toMatchObject({ status: 'synced' });
  expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced' });
  return { ...ids, hubspotPaymentId: payment.id, quickbooksPaymentId: link?.quickbooksId ?? '' };
}

/** A bookkeeper deletes the QBO payment; QBO reports the payment deleted and the invoice changed. */
async function deletePaymentInQuickBooks(p: TestPortal, paid: Awaited<ReturnType<typeof paidInHubSpot>>) {
  const qp = await p.qbo.read('Payment', paid.quickbooksPaymentId);
  await p.qbo.delete('Payment', { Id: qp.Id, SyncToken: qp.SyncToken ?? '0' }, `e2e-del-${qp.Id}`);
  await p.notify('quickbooks', 'payment', paid.quickbooksPaymentId);
  await p.notify('quickbooks', 'invoice', paid.quickbooksId);
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

  it("R-EDT-3: an invoice synced from QBO is taken from HubSpot's write answers, not read back, and its echo writes nothing", async () => {
    const p = await syncingPortal(world);
    const customer = await p.qbo.create(
      'Customer',
      { DisplayName: 'Echo Inbound', PrimaryEmailAddr: { Address: `echo-${p.hubId}@example.com` } },
      `e2e-${p.realmId}-echo-customer`,
    );
    const invoice = await p.qbo.create(
      'Invoice',
      {
        CustomerRef: { value: customer.Id },
        DocNumber: 'ECHO-1',
        Line: [
          {
            DetailType: 'SalesItemLineDetail',
            Amount: new JsonDecimal('40.00'),
            Description: 'Work',
            SalesItemLineDetail: { Qty: new JsonDecimal('2'), UnitPrice: new JsonDecimal('20.00') },
          },
        ],
      },
      `e2e-${p.realmId}-echo-invoice`,
    );
    await p.notify('quickbooks', 'invoice', invoice.Id);
    await fetch(`${world.hubspotUrl}/_emulator/requests`, { method: 'DELETE' });
    await p.drain();
    const link = await linkOfQuickBooks(world, p, 'invoice', invoice.Id);
    expect(link).toMatchObject({ status: 'synced' });

    const { requests } = (await (await fetch(`${world.hubspotUrl}/_emulator/requests`)).json()) as {
      requests: { method: string; url: string; portalId?: number }[];
    };
    const reads = requests
      .filter((r) => r.portalId === Number(p.hubId) && /batch\/read/.test(r.url))
      .map((r) => new URL(r.url, world.hubspotUrl).pathname);
    // The one read is the lookup of a contact by the customer's email before creating it (R-OBJ-2).
    expect(reads).toEqual(['/crm/v3/objects/contacts/batch/read']);

    const before = await world.db.syncActivity.count({ where: { portalId: p.portalId } });
    await p.notify('hubspot', 'invoice', link?.hubspotId ?? '');
    await p.notify('quickbooks', 'invoice', invoice.Id);
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

  it('R-EDT-1: comments of a HubSpot invoice edited in QBO are not copied back; the failure names them; a QBO revert heals, and so does a HubSpot edit', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);
    const memo = (await p.qbo.read('Invoice', ids.quickbooksId)).CustomerMemo?.value ?? '';

    await editInQuickBooks(p, ids.quickbooksId, () => ({ CustomerMemo: { value: 'Bookkeeper note' } }));
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    const failed = await linkOfHubSpot(world, p, ids.hubspotId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'hubspot_native_edited_in_quickbooks' });
    expect(failed?.errorMessage).toMatch(/Changed in QuickBooks: comments\./);
    expect((await p.read('hubspot', 'invoice', ids.hubspotId)).comments).toBeNull();

    await editInQuickBooks(p, ids.quickbooksId, () => ({ CustomerMemo: { value: memo } }));
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });

    await editInQuickBooks(p, ids.quickbooksId, () => ({ CustomerMemo: { value: 'Bookkeeper again' } }));
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'failed' });
    await p.hs(`/crm/v3/objects/invoices/${ids.hubspotId}`, {
      method: 'PATCH',
      body: { properties: { hs_comments: 'Said in HubSpot' } },
    });
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });
    expect((await p.qbo.read('Invoice', ids.quickbooksId)).CustomerMemo?.value).toBe('Said in HubSpot');
  });

  it('R-EDT-1: taxes of a HubSpot invoice edited in QBO are not copied back; the failure names them; a QBO revert heals, and so does a HubSpot edit', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);

    await editInQuickBooks(p, ids.quickbooksId, withTaxCode('TAX'));
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    const failed = await linkOfHubSpot(world, p, ids.hubspotId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'hubspot_native_edited_in_quickbooks' });
    expect(failed?.errorMessage).toMatch(/Changed in QuickBooks: taxes\./);

    await editInQuickBooks(p, ids.quickbooksId, withTaxCode('NON'));
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });

    await editInQuickBooks(p, ids.quickbooksId, withTaxCode('TAX'));
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'failed' });
    await p.hs(`/crm/v3/objects/invoices/${ids.hubspotId}`, {
      method: 'PATCH',
      body: { properties: { hs_comments: 'Edited in HubSpot' } },
    });
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });
    const lines = (await p.read('quickbooks', 'invoice', ids.quickbooksId)).lines;
    expect(lines.map((l) => l.taxCodeId)).toEqual(lines.map(() => 'NON'));
  });

  it('R-EDT-1: a payment of a HubSpot invoice deleted in QBO is not copied back (HubSpot untouched, invoice failed naming it) and heals when the payment is recorded again in QBO', async () => {
    const p = await syncingPortal(world);
    const paid = await paidInHubSpot(world, p);

    await deletePaymentInQuickBooks(p, paid);
    await world.resetApiCalls();
    await p.drain();
    expect(await writesSinceReset(world)).toEqual([]);
    const failed = await linkOfHubSpot(world, p, paid.hubspotId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'hubspot_native_edited_in_quickbooks' });
    expect(failed?.errorMessage).toMatch(/payments \(one was deleted/);
    expect(await linkOfHubSpot(world, p, paid.hubspotPaymentId)).toMatchObject({
      status: 'failed',
      deletedOn: 'quickbooks',
    });
    expect((await p.read('hubspot', 'invoice', paid.hubspotId)).status).toBe('paid');

    // The bookkeeper records the payment again, for the same amount.
    const invoice = await p.qbo.read('Invoice', paid.quickbooksId);
    const again = await p.qbo.create(
      'Payment',
      {
        CustomerRef: invoice.CustomerRef,
        TotalAmt: new JsonDecimal('77.50'),
        Line: [
          { Amount: new JsonDecimal('77.50'), LinkedTxn: [{ TxnId: paid.quickbooksId, TxnType: 'Invoice' }] },
        ],
      },
      `e2e-again-${paid.quickbooksId}`,
    );
    await p.notify('quickbooks', 'payment', again.Id);
    await p.notify('quickbooks', 'invoice', paid.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, paid.hubspotId)).toMatchObject({
      status: 'synced',
      errorCode: null,
    });
    expect(await linkOfHubSpot(world, p, paid.hubspotPaymentId)).toMatchObject({
      status: 'synced',
      quickbooksId: again.Id,
      deletedOn: null,
    });
    const payments = await p.hs<{ results: unknown[] }>('/crm/v3/objects/commerce_payments');
    expect(payments.results).toHaveLength(1);
  });

  it('R-EDT-1: a payment of a HubSpot invoice deleted in QBO heals when HubSpot’s payment is edited: it is sent to QBO again', async () => {
    const p = await syncingPortal(world);
    const paid = await paidInHubSpot(world, p);
    await deletePaymentInQuickBooks(p, paid);
    await p.drain();
    expect(await linkOfHubSpot(world, p, paid.hubspotId)).toMatchObject({ status: 'failed' });

    await p.hs(`/crm/v3/objects/commerce_payments/${paid.hubspotPaymentId}`, {
      method: 'PATCH',
      body: { properties: { hs_reference_number: 'REF-2' } },
    });
    await p.notify('hubspot', 'payment', paid.hubspotPaymentId);
    await p.drain();
    const link = await linkOfHubSpot(world, p, paid.hubspotPaymentId);
    expect(link).toMatchObject({ status: 'synced', deletedOn: null });
    expect(link?.quickbooksId).not.toBe(paid.quickbooksPaymentId);
    const qboPayments = (await p.qbo.queryPage(QboQuery.select('Payment'), 1, 10)).entities;
    expect(qboPayments.map((q) => q.PaymentRefNum)).toEqual(['REF-2']);

    await p.notify('quickbooks', 'invoice', paid.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, paid.hubspotId)).toMatchObject({
      status: 'synced',
      errorCode: null,
    });
  });
});
