import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSyncSettingsRepository } from '@ledgersync/db';
import { JsonDecimal } from '@ledgersync/quickbooks';
import { type E2ePortal, type E2eWorld, startE2eWorld } from './e2e-world.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startE2eWorld();
});
afterAll(() => world.close());

async function syncingPortal(): Promise<E2ePortal> {
  const p = await world.newPortal();
  const settings = createSyncSettingsRepository(world.db);
  const startedAt = new Date(Date.now() - 60_000);
  for (const object of ['contacts', 'products', 'invoices'] as const) {
    await settings.save(p.portalId, object, {
      enabled: true,
      direction: 'two_way',
      syncStartedAt: startedAt,
      ...(object === 'invoices' ? { customLineItemIncomeAccountId: p.incomeAccountId } : {}),
    });
  }
  return p;
}

interface HsObject {
  id: string;
  properties: Record<string, string>;
}

describe('end to end: HubSpot ⇄ QuickBooks Online', () => {
  it('a finalized HubSpot invoice reaches QBO with its customer, items, amounts and number; paid in QBO → paid in HubSpot (R-OBJ-3, R-OBJ-4, R-OBJ-5)', async () => {
    const p = await syncingPortal();
    const contact = await p.hs<HsObject>('/crm/v3/objects/contacts', {
      method: 'POST',
      body: { properties: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' } },
    });
    const product = await p.hs<HsObject>('/crm/v3/objects/products', {
      method: 'POST',
      body: { properties: { name: 'Widget', hs_sku: 'W-1', price: '12.50' } },
    });
    const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, {
      contactId: contact.id,
      lineItems: [
        { name: 'Widget', quantity: '3', price: '12.50', hs_product_id: product.id },
        { name: 'Setup', quantity: '1', price: '40' },
      ],
    });
    const open = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`);
    await p.notify('hubspot', 'invoice', draft.id);
    await p.drain();

    const link = await world.db.recordLink.findFirstOrThrow({
      where: { portalId: p.portalId, hubspotId: draft.id },
    });
    expect(link).toMatchObject({ status: 'synced', errorCode: null });
    const qboInvoice = await p.qbo.read('Invoice', link.quickbooksId ?? '');
    const customer = await p.qbo.read('Customer', qboInvoice.CustomerRef?.value ?? '');
    expect(customer.PrimaryEmailAddr?.Address).toBe('ada@example.com');
    expect(qboInvoice.DocNumber).toBe(open.properties.hs_number);
    expect(String(qboInvoice.TotalAmt)).toBe('77.5');
    const itemNames = await Promise.all(
      (qboInvoice.Line ?? [])
        .flatMap((l) => (l.SalesItemLineDetail?.ItemRef?.value ? [l.SalesItemLineDetail.ItemRef.value] : []))
        .map(async (id) => (await p.qbo.read('Item', id)).Name),
    );
    expect(itemNames.sort()).toEqual(['Custom Line Item', 'Widget']);

    // Paid in QBO → paid in HubSpot.
    const payment = await p.qbo.create(
      'Payment',
      {
        CustomerRef: { value: customer.Id },
        TotalAmt: new JsonDecimal('77.50'),
        Line: [
          { Amount: new JsonDecimal('77.50'), LinkedTxn: [{ TxnId: qboInvoice.Id, TxnType: 'Invoice' }] },
        ],
      },
      'e2e-payment-1',
    );
    await p.notify('quickbooks', 'payment', payment.Id);
    await p.notify('quickbooks', 'invoice', qboInvoice.Id);
    await p.drain();
    const hsInvoice = await p.read('hubspot', 'invoice', draft.id);
    expect(hsInvoice.status).toBe('paid');
    expect(await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })).toBe(0);
  });
});
