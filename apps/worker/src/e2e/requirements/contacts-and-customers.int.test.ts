import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { hsContact, hsFinalizedInvoice, linkOfHubSpot } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const widgetLine = { name: 'Setup', quantity: '1', price: '40' };

describe('contacts and QBO customers', () => {
  it('R-OBJ-2: contacts match QBO customers by email; the invoice goes to that customer; a company contact takes the company name', async () => {
    const p = await syncingPortal(world);
    const existing = await p.qbo.create(
      'Customer',
      { DisplayName: 'Ada L.', PrimaryEmailAddr: { Address: 'ada@example.com' } },
      'e2e-cust-ada',
    );
    const ada = await hsContact(p, { email: 'ADA@example.com', firstname: 'Ada', lastname: 'Lovelace' });
    const invoice = await hsFinalizedInvoice(p, { contactId: ada.id, lineItems: [widgetLine] });
    const bob = await hsContact(p, {
      email: 'bob@acme.example',
      firstname: 'Bob',
      lastname: 'Builder',
      company: 'Acme Ltd',
    });
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.notify('hubspot', 'customer', bob.id);
    await p.drain();

    expect(await linkOfHubSpot(world, p, ada.id)).toMatchObject({
      status: 'synced',
      quickbooksId: existing.Id,
    });
    const invoiceLink = await linkOfHubSpot(world, p, invoice.id);
    expect(invoiceLink).toMatchObject({ status: 'synced' });
    const qboInvoice = await p.qbo.read('Invoice', invoiceLink?.quickbooksId ?? '');
    expect(qboInvoice.CustomerRef?.value).toBe(existing.Id);
    const bobLink = await linkOfHubSpot(world, p, bob.id);
    expect((await p.qbo.read('Customer', bobLink?.quickbooksId ?? '')).DisplayName).toBe('Acme Ltd');
    const customers = (await p.qbo.queryPage(QboQuery.select('Customer'), 1, 100)).entities;
    expect(customers).toHaveLength(2);
  });

  it('R-ERR-2: the second contact of a company fails with "Duplicate display name"; nothing is created for it', async () => {
    const p = await syncingPortal(world);
    const first = await hsContact(p, { email: 'one@acme.example', firstname: 'One', company: 'Acme Ltd' });
    const second = await hsContact(p, { email: 'two@acme.example', firstname: 'Two', company: 'Acme Ltd' });
    await p.notify('hubspot', 'customer', first.id);
    await p.drain();
    await p.notify('hubspot', 'customer', second.id);
    await p.drain();

    expect(await linkOfHubSpot(world, p, first.id)).toMatchObject({ status: 'synced' });
    expect(await linkOfHubSpot(world, p, second.id)).toMatchObject({
      status: 'failed',
      errorCode: 'duplicate_display_name',
      quickbooksId: null,
    });
    const customers = (await p.qbo.queryPage(QboQuery.select('Customer'), 1, 100)).entities;
    expect(customers.map((c) => c.DisplayName)).toEqual(['Acme Ltd']);
  });

  it('R-ERR-1: an invoice whose contact has no QBO customer fails with "must be associated with a customer"', async () => {
    const p = await syncingPortal(world);
    const first = await hsContact(p, { email: 'one@beta.example', firstname: 'One', company: 'Beta' });
    await p.notify('hubspot', 'customer', first.id);
    await p.drain();
    // The second contact of Beta cannot become a QBO customer (R-ERR-2), so neither can its invoice.
    const second = await hsContact(p, { email: 'two@beta.example', firstname: 'Two', company: 'Beta' });
    const invoice = await hsFinalizedInvoice(p, { contactId: second.id, lineItems: [widgetLine] });
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    expect(await linkOfHubSpot(world, p, invoice.id)).toMatchObject({
      status: 'failed',
      errorCode: 'invoice_customer_missing',
      quickbooksId: null,
    });
    expect((await p.qbo.queryPage(QboQuery.select('Invoice'), 1, 100)).entities).toHaveLength(0);
  });
});
