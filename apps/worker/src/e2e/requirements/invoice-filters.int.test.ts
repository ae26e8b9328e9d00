import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal, QboQuery } from '@ledgersync/quickbooks';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { hsContact, hsFinalizedInvoice, linkOfHubSpot, linkOfQuickBooks } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

async function qboInvoice(p: TestPortal, customerId: string, docNumber: string, amount: string) {
  return p.qbo.create(
    'Invoice',
    {
      CustomerRef: { value: customerId },
      DocNumber: docNumber,
      Line: [
        {
          DetailType: 'SalesItemLineDetail',
          Amount: new JsonDecimal(amount),
          Description: 'Work',
          SalesItemLineDetail: { Qty: new JsonDecimal('1'), UnitPrice: new JsonDecimal(amount) },
        },
      ],
    },
    `e2e-${p.realmId}-${docNumber}`,
  );
}

describe('invoice filters', () => {
  it('R-FLT-1: outbound, drafts and invoices whose source is not HubSpot are never synced; a finalized HubSpot invoice is', async () => {
    const p = await syncingPortal(world);
    const contact = await hsContact(p, { email: 'flt1@example.com', firstname: 'Filter', lastname: 'One' });
    const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, {
      contactId: contact.id,
      lineItems: [{ name: 'Setup', quantity: '1', price: '10' }],
    });
    // Created by another app through the API: its source is not HubSpot.
    const foreign = await p.hs<HsObject>('/crm/v3/objects/invoices', {
      method: 'POST',
      body: { properties: { hs_currency: 'USD' } },
    });
    await p.hs(`/crm/v4/objects/invoices/${foreign.id}/associations/default/contacts/${contact.id}`, {
      method: 'PUT',
    });
    const line = await p.hs<HsObject>('/crm/v3/objects/line_items', {
      method: 'POST',
      body: { properties: { name: 'Setup', quantity: '1', price: '20' } },
    });
    await p.hs(`/crm/v4/objects/invoices/${foreign.id}/associations/default/line_items/${line.id}`, {
      method: 'PUT',
    });
    await p.hs(`/crm/v3/objects/invoices/${foreign.id}`, {
      method: 'PATCH',
      body: { properties: { hs_invoice_status: 'open' } },
    });
    const native = await hsFinalizedInvoice(p, {
      contactId: contact.id,
      lineItems: [{ name: 'Setup', quantity: '1', price: '30' }],
    });
    for (const invoice of [draft, foreign, native]) await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    const totals = (await p.qbo.queryPage(QboQuery.select('Invoice'), 1, 10)).entities.map((i) =>
      String(i.TotalAmt),
    );
    expect(totals).toEqual(['30']);
    expect(await linkOfHubSpot(world, p, native.id)).toMatchObject({ status: 'synced' });
    const excluded = await world.db.syncActivity.findMany({
      where: { portalId: p.portalId, object: 'invoice', action: 'excluded' },
    });
    expect(new Set(excluded.map((a) => a.hubspotId))).toEqual(new Set([draft.id, foreign.id]));
  });

  it('R-FLT-2: an inbound filter (amount over 100) keeps other QBO invoices out of HubSpot', async () => {
    const p = await syncingPortal(world);
    await world.db.syncSettings.updateMany({
      where: { portalId: p.portalId, object: 'invoice' },
      data: { inboundFilters: [{ kind: 'primary', field: 'total', operator: 'gt', value: '100' }] },
    });
    const customer = await p.qbo.create(
      'Customer',
      { DisplayName: 'Filter Two', PrimaryEmailAddr: { Address: 'flt2@example.com' } },
      `e2e-${p.realmId}-flt2`,
    );
    const small = await qboInvoice(p, customer.Id, 'F-1', '50.00');
    const large = await qboInvoice(p, customer.Id, 'F-2', '500.00');
    await p.notify('quickbooks', 'invoice', small.Id);
    await p.notify('quickbooks', 'invoice', large.Id);
    await p.drain();

    expect(await linkOfQuickBooks(world, p, 'invoice', large.Id)).toMatchObject({ status: 'synced' });
    const smallLink = await linkOfQuickBooks(world, p, 'invoice', small.Id);
    expect(smallLink?.hubspotId ?? null).toBeNull();
    const hsInvoices = await p.hs<{ results: HsObject[] }>('/crm/v3/objects/invoices');
    expect(hsInvoices.results).toHaveLength(1);
    const synced = await linkOfQuickBooks(world, p, 'invoice', large.Id);
    expect((await p.read('hubspot', 'invoice', synced?.hubspotId ?? '')).total).toBe('500.00');
  });
});
