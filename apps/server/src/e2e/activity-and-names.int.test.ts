import { describe, expect, it } from '@jest/globals';
import { JsonDecimal } from '@ledgersync/quickbooks';
import { type HsObject, syncingPortal, type TestPortal } from '@ledgersync/test-world';
import { useLiveWorld } from '../testing/live-world.ts';

// What the card and the overview show after real drains through both emulators (R-VIS-5, R-VIS-6):
// every attempt against its record, a payment in its invoice's activity, records named and linked.

const R_ERR_1 =
  'An invoice must be associated with a customer. Make sure the associated customer exists in both HubSpot and QuickBooks Online to sync this invoice';

const contact = (p: TestPortal, properties: Record<string, string>) =>
  p.hs<HsObject>('/crm/v3/objects/contacts', { method: 'POST', body: { properties } });

async function finalizedInvoice(p: TestPortal, contactId: string, price: string): Promise<HsObject> {
  const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, {
    contactId,
    lineItems: [{ name: 'Setup', quantity: '1', price }],
  });
  return p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`);
}

describe('activity and names through real drains', () => {
  const live = useLiveWorld();

  it('R-VIS-6: records that failed before they ever synced have their own activity, named and linked', async () => {
    const world = live();
    const p = await syncingPortal(world);
    const first = await contact(p, { email: 'one@acme.example', firstname: 'One', company: 'Acme Ltd' });
    await p.notify('hubspot', 'customer', first.id);
    await p.drain();
    // The second contact of Acme cannot become a QBO customer (R-ERR-2), so neither can its invoice (R-ERR-1).
    const second = await contact(p, { email: 'two@acme.example', firstname: 'Two', company: 'Acme Ltd' });
    const invoice = await finalizedInvoice(p, second.id, '40');
    await p.notify('hubspot', 'customer', second.id);
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    const card = (await world.signed(p.hubId, 'GET', `/api/v1/invoices/${invoice.id}/card`)).json();
    expect(card).toMatchObject({ status: 'failed', quickbooks: null, error: { title: R_ERR_1 } });
    expect(card.activity).toEqual([
      expect.objectContaining({
        object: 'invoice',
        action: 'failed',
        direction: 'hubspot_to_quickbooks',
        error: { code: 'invoice_customer_missing', title: R_ERR_1, category: 'data' },
      }),
    ]);

    const failed = (
      await world.signed(
        p.hubId,
        'GET',
        '/api/v1/records?object=customer&status=failed&columns=name,hubspotRecord,quickbooksRecord,error',
      )
    ).json();
    expect(failed.rows).toEqual([
      {
        id: expect.any(String),
        name: { object: 'customer', name: 'Two', detail: 'two@acme.example' },
        hubspotRecord: {
          id: second.id,
          url: `https://app.hubspot.test/contacts/${p.hubId}/record/0-1/${second.id}`,
        },
        quickbooksRecord: null,
        error: { code: 'duplicate_display_name', title: 'Duplicate display name', category: 'data' },
      },
    ]);
    const activity = (
      await world.signed(p.hubId, 'GET', `/api/v1/records/${failed.rows[0].id}/activity`)
    ).json().activity;
    expect(activity).toEqual([
      expect.objectContaining({
        object: 'customer',
        action: 'failed',
        direction: 'hubspot_to_quickbooks',
        error: expect.objectContaining({ code: 'duplicate_display_name' }),
        message: expect.any(String),
      }),
    ]);

    // Once the invoice's contact can sync, the same record's history goes on from its failure.
    await p.hs(`/crm/v3/objects/contacts/${second.id}`, {
      method: 'PATCH',
      body: { properties: { company: 'Acme Shipping' } },
    });
    await p.notify('hubspot', 'customer', second.id);
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();
    const healed = (await world.signed(p.hubId, 'GET', `/api/v1/invoices/${invoice.id}/card`)).json();
    expect(healed.status).toBe('synced');
    const actions = healed.activity.map((a: { action: string }) => a.action);
    expect(actions).toContain('created');
    expect(actions.at(-1)).toBe('failed');
    const synced = (
      await world.signed(p.hubId, 'GET', '/api/v1/records?object=invoice&columns=name,quickbooksRecord')
    ).json();
    expect(synced.rows[0].name).toEqual({ object: 'invoice', name: healed.quickbooks.number, detail: null });
    expect(synced.rows[0].quickbooksRecord.url).toBe(
      `https://app.qbo.intuit.com/app/invoice?txnId=${healed.quickbooks.id}`,
    );
  });

  it("R-VIS-6: a payment recorded in QuickBooks shows in its invoice's activity and moves Last synced", async () => {
    const world = live();
    const p = await syncingPortal(world);
    const ada = await contact(p, { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' });
    const invoice = await finalizedInvoice(p, ada.id, '250');
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();
    const before = (await world.signed(p.hubId, 'GET', `/api/v1/invoices/${invoice.id}/card`)).json();
    expect(before).toMatchObject({ status: 'synced', payment: { state: 'open' } });
    expect(before.activity[0]).toMatchObject({
      object: 'invoice',
      action: 'created',
      direction: 'hubspot_to_quickbooks',
      amount: null,
    });

    const qboInvoice = await p.qbo.read('Invoice', before.quickbooks.id);
    const payment = await p.qbo.create(
      'Payment',
      {
        CustomerRef: { value: qboInvoice.CustomerRef?.value ?? '' },
        TotalAmt: new JsonDecimal('250.00'),
        Line: [
          { Amount: new JsonDecimal('250.00'), LinkedTxn: [{ TxnId: qboInvoice.Id, TxnType: 'Invoice' }] },
        ],
      },
      'e2e-activity-pay-1',
    );
    await p.notify('quickbooks', 'payment', payment.Id);
    await p.notify('quickbooks', 'invoice', qboInvoice.Id);
    await p.drain();
    // HubSpot reports the invoice it now holds as paid, as its webhook would.
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    const after = (await world.signed(p.hubId, 'GET', `/api/v1/invoices/${invoice.id}/card`)).json();
    expect(after.payment.state).toBe('paid');
    expect(after.activity).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          object: 'payment',
          action: 'created',
          direction: 'quickbooks_to_hubspot',
          amount: { amount: '250', currency: 'USD' },
        }),
      ]),
    );
    expect(Date.parse(after.lastSyncedAt)).toBeGreaterThan(Date.parse(before.lastSyncedAt));
    const paymentLink = await world.db.recordLink.findFirstOrThrow({
      where: { portalId: p.portalId, object: 'payment', quickbooksId: payment.Id },
    });
    expect(Date.parse(after.lastSyncedAt)).toBeGreaterThanOrEqual(
      paymentLink.lastSyncedAt?.getTime() ?? Infinity,
    );
  });
});
