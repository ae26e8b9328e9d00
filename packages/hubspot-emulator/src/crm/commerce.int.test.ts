import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

const assoc = (id: string, typeId: number) => ({
  to: { id },
  types: [{ associationCategory: Category.HubspotDefined, associationTypeId: typeId }],
});

describe('commerce semantics', () => {
  it('takes an invoice from draft to open to paid, computing amounts and the number', async () => {
    const { client } = await emu.portalWithClient(undefined, { invoicePrefix: 'LS-' });
    const api = client.crm.objects.basicApi;
    const missing = await sdkError(api.create('invoices', { properties: {} }));
    expect(missing.code).toBe(400);
    const invoice = await api.create('invoices', { properties: { hs_currency: 'USD' } });
    expect(invoice.properties).toMatchObject({
      hs_invoice_status: 'draft',
      hs_currency: 'USD',
      hs_amount_billed: '0',
    });
    const draft = await api.getById('invoices', invoice.id, [
      'hs_invoice_status',
      'hs_invoice_source',
      'hs_number',
    ]);
    expect(draft.properties).toMatchObject({
      hs_invoice_status: 'draft',
      hs_invoice_source: 'api',
      hs_number: null,
    });

    const early = await sdkError(
      api.update('invoices', invoice.id, { properties: { hs_invoice_status: 'open' } }),
    );
    expect(early.code).toBe(400);
    expect(String(early.body.message)).toContain('contact');

    const contact = await api.create('contacts', { properties: { email: 'buyer@example.com' } });
    const li = await api.create('line_items', {
      properties: { quantity: '3', price: '10.10', hs_discount_percentage: '10' },
      associations: [assoc(invoice.id, 410)],
    });
    expect(li.properties.amount).toBe('27.27');
    const liRead = await api.getById('line_items', li.id, ['amount']);
    expect(liRead.properties.amount).toBe('27.27');
    await client.crm.associations.v4.basicApi.createDefault('invoices', invoice.id, 'contacts', contact.id);

    const open = await api.update('invoices', invoice.id, { properties: { hs_invoice_status: 'open' } });
    expect(open.properties.hs_invoice_status).toBe('open');
    const finalized = await api.getById('invoices', invoice.id, [
      'hs_number',
      'hs_amount_billed',
      'hs_balance_due',
    ]);
    expect(finalized.properties).toMatchObject({
      hs_number: 'LS-1001',
      hs_amount_billed: '27.27',
      hs_balance_due: '27.27',
    });
    const ro = await sdkError(api.update('invoices', invoice.id, { properties: { hs_balance_due: '0' } }));
    expect(ro.code).toBe(400);

    const noDate = await sdkError(
      api.create('commerce_payments', { properties: { hs_initial_amount: '5' } }),
    );
    expect(noDate.code).toBe(400);
    await api.create('commerce_payments', {
      properties: { hs_initial_amount: '20', hs_initiated_date: '2026-11-01T00:00:00Z' },
      associations: [assoc(invoice.id, 542)],
    });
    const partly = await api.getById('invoices', invoice.id, ['hs_balance_due', 'hs_invoice_status']);
    expect(partly.properties).toMatchObject({ hs_balance_due: '7.27', hs_invoice_status: 'open' });
    await api.create('commerce_payments', {
      properties: { hs_initial_amount: '7.27', hs_initiated_date: '2026-11-02T00:00:00Z' },
      associations: [assoc(invoice.id, 542)],
    });
    const paid = await api.getById('invoices', invoice.id, ['hs_balance_due', 'hs_invoice_status']);
    expect(paid.properties).toMatchObject({ hs_balance_due: '0', hs_invoice_status: 'paid' });
  });

  it('keeps a line item to one parent and copies product fields from hs_product_id', async () => {
    const { client } = await emu.portalWithClient();
    const api = client.crm.objects.basicApi;
    const product = await api.create('products', {
      properties: { name: 'Widget', price: '4.5', hs_sku: 'W-1' },
    });
    const a = await api.create('invoices', { properties: { hs_currency: 'USD' } });
    const b = await api.create('invoices', { properties: { hs_currency: 'USD' } });
    const li = await api.create('line_items', {
      properties: { hs_product_id: product.id, quantity: '2' },
      associations: [assoc(a.id, 410)],
    });
    const read = await api.getById('line_items', li.id, ['name', 'hs_sku', 'amount']);
    expect(read.properties).toMatchObject({ name: 'Widget', hs_sku: 'W-1', amount: '9' });
    const second = await sdkError(
      client.crm.associations.v4.basicApi.createDefault('line_items', li.id, 'invoices', b.id),
    );
    expect(second.code).toBe(400);
  });

  it('voids an invoice and refuses further edits', async () => {
    const { client } = await emu.portalWithClient();
    const api = client.crm.objects.basicApi;
    const inv = await api.create('invoices', { properties: { hs_currency: 'EUR' } });
    await api.update('invoices', inv.id, { properties: { hs_invoice_status: 'voided' } });
    const edit = await sdkError(api.update('invoices', inv.id, { properties: { hs_comments: 'x' } }));
    expect(edit.code).toBe(400);
    const toPaid = await api.create('invoices', { properties: { hs_currency: 'EUR' } });
    const direct = await sdkError(
      api.update('invoices', toPaid.id, { properties: { hs_invoice_status: 'paid' } }),
    );
    expect(direct.code).toBe(400);
  });
});
