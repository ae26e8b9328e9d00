import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { hsContact, hsFinalizedInvoice, linkOfHubSpot, setQboPreferences } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

/** A portal whose QBO company has these preferences, and a finalized HubSpot invoice for a new contact. */
async function invoiceInto(
  preferences: Record<string, unknown>,
  invoiceProperties: Record<string, string> = {},
) {
  const p = await syncingPortal(world);
  // Before the first drain: the adapter reads the company's preferences once per pass.
  await setQboPreferences(world, p, preferences);
  const contact = await hsContact(p, { email: `${p.hubId}@example.com`, firstname: 'Kim', lastname: 'Lee' });
  const invoice = await hsFinalizedInvoice(p, {
    contactId: contact.id,
    lineItems: [{ name: 'Setup', quantity: '1', price: '40' }],
    properties: invoiceProperties,
  });
  await p.notify('hubspot', 'invoice', invoice.id);
  await p.drain();
  const link = await linkOfHubSpot(world, p, invoice.id);
  const qboInvoices = (await p.qbo.queryPage(QboQuery.select('Invoice'), 1, 100)).entities;
  return { p, link, qboInvoices, contact };
}

describe('invoices QuickBooks would refuse fail with the article’s error, and nothing is written', () => {
  it('R-ERR-3: revenue recognition on and HubSpot lines have no service date → service_date_required', async () => {
    const { link, qboInvoices } = await invoiceInto({
      ProductAndServicesPrefs: { RevenueRecognition: true },
    });
    expect(link).toMatchObject({ status: 'failed', errorCode: 'service_date_required', quickbooksId: null });
    expect(qboInvoices).toHaveLength(0);
  });

  it('R-ERR-6: an invoice dated in a closed period → closed_period', async () => {
    const { link, qboInvoices } = await invoiceInto({ AccountingInfoPrefs: { BookCloseDate: '2099-12-31' } });
    expect(link).toMatchObject({ status: 'failed', errorCode: 'closed_period', quickbooksId: null });
    expect(link?.errorMessage).toContain('2099-12-31');
    expect(qboInvoices).toHaveLength(0);
  });

  it('R-OBJ-6: a EUR invoice for a USD company with multicurrency off fails naming both currencies', async () => {
    const { link, qboInvoices } = await invoiceInto({}, { hs_currency: 'EUR' });
    expect(link).toMatchObject({ status: 'failed', errorCode: 'multicurrency_disabled', quickbooksId: null });
    expect(link?.errorMessage).toContain('EUR');
    expect(link?.errorMessage).toContain('USD');
    expect(qboInvoices).toHaveLength(0);
  });

  it('R-OBJ-6: with multicurrency on, a EUR invoice whose customer uses USD fails naming both currencies', async () => {
    const { link, qboInvoices } = await invoiceInto(
      { CurrencyPrefs: { MultiCurrencyEnabled: true } },
      { hs_currency: 'EUR' },
    );
    expect(link).toMatchObject({
      status: 'failed',
      errorCode: 'customer_currency_mismatch',
      quickbooksId: null,
    });
    expect(link?.errorMessage).toContain('EUR');
    expect(link?.errorMessage).toContain('USD');
    expect(qboInvoices).toHaveLength(0);
  });
});
