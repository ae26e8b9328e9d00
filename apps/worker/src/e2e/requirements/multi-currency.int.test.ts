import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal, QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import {
  hsContact,
  hsFinalizedInvoice,
  linkOfHubSpot,
  linkOfQuickBooks,
  setQboPreferences,
} from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

/**
 * A USD company with multicurrency on, a QBO customer in `currency` that a HubSpot contact matches
 * by email, and that contact's finalized HubSpot invoice in `currency`, synced.
 */
async function foreignInvoiceSynced(currency: string, line: Record<string, string>) {
  const p = await syncingPortal(world);
  await setQboPreferences(world, p, { CurrencyPrefs: { MultiCurrencyEnabled: true } });
  const email = `${currency.toLowerCase()}-${p.hubId}@example.com`;
  const customer = await p.qbo.create(
    'Customer',
    {
      DisplayName: `${currency} Buyer`,
      PrimaryEmailAddr: { Address: email },
      CurrencyRef: { value: currency },
    },
    `e2e-cust-${currency}`,
  );
  const contact = await hsContact(p, { email, firstname: 'Mia', lastname: 'Roth' });
  const invoice = await hsFinalizedInvoice(p, {
    contactId: contact.id,
    lineItems: [line],
    properties: { hs_currency: currency },
  });
  await p.notify('hubspot', 'invoice', invoice.id);
  await p.drain();
  const link = await linkOfHubSpot(world, p, invoice.id);
  return { p, customer, invoice, link };
}

async function payInQbo(p: TestPortal, invoiceId: string, customerId: string, amount: string) {
  const payment = await p.qbo.create(
    'Payment',
    {
      CustomerRef: { value: customerId },
      TotalAmt: new JsonDecimal(amount),
      Line: [{ Amount: new JsonDecimal(amount), LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] }],
    },
    `e2e-pay-${invoiceId}`,
  );
  await p.notify('quickbooks', 'payment', payment.Id);
  await p.notify('quickbooks', 'invoice', invoiceId);
  await p.drain();
  return payment;
}

describe('R-OBJ-6: invoices in a foreign currency sync when QBO has multicurrency on and the customer matches', () => {
  it('a EUR HubSpot invoice reaches QBO in EUR with its exact amounts, and its QBO payment returns to HubSpot in EUR', async () => {
    const { p, customer, invoice, link } = await foreignInvoiceSynced('EUR', {
      name: 'Consulting',
      quantity: '3',
      price: '19.99',
    });
    expect(link).toMatchObject({ status: 'synced', errorCode: null, quickbooksId: expect.any(String) });
    const qboInvoice = await p.qbo.read('Invoice', link?.quickbooksId ?? '');
    expect(qboInvoice.CustomerRef?.value).toBe(customer.Id);
    expect(qboInvoice.CurrencyRef?.value).toBe('EUR');
    expect(String(qboInvoice.TotalAmt)).toBe('59.97');
    expect(Number(qboInvoice.ExchangeRate)).toBeGreaterThan(0);
    const qboInvoices = (await p.qbo.queryPage(QboQuery.select('Invoice'), 1, 10)).entities;
    expect(qboInvoices).toHaveLength(1);

    const payment = await payInQbo(p, qboInvoice.Id, customer.Id, '59.97');
    expect(await linkOfHubSpot(world, p, invoice.id)).toMatchObject({ status: 'synced', errorCode: null });
    const hsInvoice = await p.read('hubspot', 'invoice', invoice.id);
    expect(hsInvoice).toMatchObject({ status: 'paid', currency: 'EUR', total: '59.97' });
    const paymentLink = await linkOfQuickBooks(world, p, 'payment', payment.Id);
    expect(paymentLink).toMatchObject({ status: 'synced', hubspotId: expect.any(String) });
    const hsPayment = await p.read('hubspot', 'payment', paymentLink?.hubspotId ?? '');
    expect(hsPayment).toMatchObject({ currency: 'EUR', amount: '59.97' });
  });

  it('a payment recorded in HubSpot on a EUR invoice becomes a EUR payment in QBO (R-OBJ-4)', async () => {
    const { p, invoice, link } = await foreignInvoiceSynced('EUR', {
      name: 'Training',
      quantity: '1',
      price: '250.50',
    });
    expect(link).toMatchObject({ status: 'synced', errorCode: null });
    const { payment } = await p.hsControl<{ payment: { id: string } }>(
      `/portals/${p.hubId}/ui/invoices/${invoice.id}/payments`,
      { amount: '250.50' },
    );
    await p.notify('hubspot', 'payment', payment.id);
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    expect(await linkOfHubSpot(world, p, payment.id)).toMatchObject({ status: 'synced', errorCode: null });
    const payments = (await p.qbo.queryPage(QboQuery.select('Payment'), 1, 10)).entities;
    expect(payments).toHaveLength(1);
    expect(payments[0]?.CurrencyRef?.value).toBe('EUR');
    expect(String(payments[0]?.TotalAmt)).toBe('250.5');
    expect((await p.read('quickbooks', 'invoice', link?.quickbooksId ?? '')).status).toBe('paid');
  });

  it('a JPY invoice keeps 0 decimals exactly on both sides', async () => {
    const { p, invoice, link } = await foreignInvoiceSynced('JPY', {
      name: 'Licence',
      quantity: '3',
      price: '1500',
    });
    expect(link).toMatchObject({ status: 'synced', errorCode: null });
    const qboInvoice = await p.qbo.read('Invoice', link?.quickbooksId ?? '');
    expect(qboInvoice.CurrencyRef?.value).toBe('JPY');
    expect(String(qboInvoice.TotalAmt)).toBe('4500');
    expect(await p.read('hubspot', 'invoice', invoice.id)).toMatchObject({ currency: 'JPY', total: '4500' });
  });
});
