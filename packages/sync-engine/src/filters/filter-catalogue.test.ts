import { describe, expect, it } from '@jest/globals';
import { customer, invoice, product, settings, sideRecord, T0 } from '../testing/factories.ts';
import { SyncWorld } from '../testing/sync-world.ts';
import { checkInboundFilter, checkRecordFilter, migrateLegacyInboundFilter } from './check-filter.ts';
import {
  HUBSPOT_CONTACT_FILTER_FIELDS,
  HUBSPOT_PRODUCT_FILTER_FIELDS,
  INBOUND_INVOICE_FILTER_FIELDS,
  QUICKBOOKS_CUSTOMER_FILTER_FIELDS,
  QUICKBOOKS_PRODUCT_FILTER_FIELDS,
} from './filter-catalogue.ts';
import { customerFilterValue, invoiceFilterValue, productFilterValue } from './filter-field-values.ts';
import { filterInboundInvoice } from './inbound-invoice-filters.ts';
import { customerFilterDecision, productFilterDecision } from './record-filters.ts';

const address = {
  line1: '1 Main St',
  line2: null,
  city: 'Leeds',
  region: 'WY',
  postalCode: 'LS1',
  country: 'GB',
};
const fullCustomer = customer({
  displayName: 'Ada L',
  phone: '555',
  currency: 'GBP',
  billingAddress: address,
});
const qboInvoice = (over: Parameters<typeof invoice>[0] = {}, createdAt = '2026-03-01T10:00:00-07:00') =>
  sideRecord('quickbooks', 'invoice', 'q', invoice({ source: 'quickbooks', customerId: 'qc1', ...over }), {
    createdAt,
  });

describe('the filter catalogue', () => {
  it('R-FLT-2: every inbound invoice field of the catalogue evaluates to a value on a sample invoice', () => {
    const q = qboInvoice();
    for (const f of INBOUND_INVOICE_FILTER_FIELDS) {
      expect([f.name, invoiceFilterValue(q, f.name)]).toEqual([f.name, expect.anything()]);
    }
    expect(invoiceFilterValue(q, 'TxnDate')).toBeUndefined();
  });

  it('R-FLT-5: every customer and product field of both sides evaluates to a value on a sample record', () => {
    for (const f of QUICKBOOKS_CUSTOMER_FILTER_FIELDS) {
      expect([f.name, customerFilterValue('quickbooks', fullCustomer, f.name)]).toEqual([
        f.name,
        expect.anything(),
      ]);
    }
    for (const f of HUBSPOT_CONTACT_FILTER_FIELDS) {
      expect([f.name, customerFilterValue('hubspot', fullCustomer, f.name)]).toEqual([
        f.name,
        expect.anything(),
      ]);
    }
    const item = product({ description: 'Blue' });
    const qboItem = sideRecord('quickbooks', 'product', 'qi', item, { filterValues: { type: 'Service' } });
    for (const f of QUICKBOOKS_PRODUCT_FILTER_FIELDS) {
      expect([f.name, productFilterValue(qboItem, f.name)]).toEqual([f.name, expect.anything()]);
    }
    const hsProduct = sideRecord('hubspot', 'product', 'hp', item);
    for (const f of HUBSPOT_PRODUCT_FILTER_FIELDS) {
      expect([f.name, productFilterValue(hsProduct, f.name)]).toEqual([f.name, expect.anything()]);
    }
  });

  it('R-FLT-2: an unknown field or an operator that does not fit the type is refused, naming the allowed ones', () => {
    const unknown = checkInboundFilter({ kind: 'primary', field: 'Shoe size', operator: 'eq', value: '9' });
    expect(unknown).toMatchObject({
      ok: false,
      problem: {
        code: 'unknown_filter_field',
        field: 'Shoe size',
        allowed: expect.arrayContaining(['createdAt']),
      },
    });
    const badOperator = checkInboundFilter({
      kind: 'primary',
      field: 'total',
      operator: 'contains',
      value: '9',
    });
    expect(badOperator).toMatchObject({
      ok: false,
      problem: {
        code: 'operator_not_allowed',
        allowed: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
      },
    });
    expect(
      checkInboundFilter({ kind: 'primary', field: 'status', operator: 'in', value: ['sent'] }),
    ).toMatchObject({
      ok: false,
      problem: {
        code: 'invalid_filter_value',
        allowed: ['draft', 'open', 'partially_paid', 'paid', 'voided'],
      },
    });
    expect(
      checkInboundFilter({ kind: 'primary', field: 'issueDate', operator: 'gte', value: 'today' }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'invalid_filter_value' },
    });
    expect(
      checkInboundFilter({ kind: 'primary', field: 'CustomField:1', operator: 'eq', value: 'PO' }, []),
    ).toMatchObject({ ok: false, problem: { code: 'unknown_filter_field' } });
    expect(
      checkInboundFilter({ kind: 'primary', field: 'CustomField:1', operator: 'eq', value: 'PO' }),
    ).toMatchObject({
      ok: true,
    });
    expect(checkRecordFilter('product', { kind: 'billing_contact_of_synced_invoice' })).toMatchObject({
      ok: false,
      problem: { code: 'filter_kind_not_allowed' },
    });
    expect(
      checkRecordFilter('customer', {
        kind: 'property',
        side: 'hubspot',
        field: 'DisplayName',
        operator: 'eq',
        value: 'x',
      }),
    ).toMatchObject({ ok: false, problem: { allowed: expect.arrayContaining(['email', 'firstname']) } });
  });

  it('R-FLT-2: legacy QuickBooks names migrate to the catalogue; customer names become "associated with"', () => {
    expect(
      migrateLegacyInboundFilter({ kind: 'primary', field: 'TxnDate', operator: 'gte', value: '2026-03-01' }),
    ).toEqual({ kind: 'primary', field: 'issueDate', operator: 'gte', value: '2026-03-01' });
    expect(
      migrateLegacyInboundFilter({
        kind: 'primary',
        field: 'PrimaryEmailAddr',
        operator: 'contains',
        value: '@x.com',
      }),
    ).toEqual({
      kind: 'associated_with',
      association: 'customer',
      field: 'email',
      operator: 'contains',
      value: '@x.com',
    });
    const q = qboInvoice();
    expect(
      filterInboundInvoice(q, null, [
        { kind: 'primary', field: 'TxnDate', operator: 'gte', value: '2026-03-02' },
      ]),
    ).toEqual({
      included: false,
      exclusion: { reason: 'filtered', detail: 'Invoice date is on or after 2 Mar 2026' },
    });
  });

  it('R-FLT-2: a filter the engine cannot evaluate is not applied, so it never leaves out every invoice', () => {
    const broken = [{ kind: 'primary' as const, field: 'Shoe size', operator: 'eq' as const, value: '9' }];
    expect(filterInboundInvoice(qboInvoice(), null, broken)).toEqual({ included: true });
  });

  it('R-FLT-2: "created after" compares instants, offsets included, and is explained in words', () => {
    const after = [
      {
        kind: 'primary' as const,
        field: 'createdAt',
        operator: 'gt' as const,
        value: '2026-03-01T16:30:00.000Z',
      },
    ];
    // 10:00 at -07:00 is 17:00 UTC: after 16:30 UTC, although its text sorts before it.
    expect(filterInboundInvoice(qboInvoice(), null, after)).toEqual({ included: true });
    expect(filterInboundInvoice(qboInvoice({}, '2026-03-01T09:00:00-07:00'), null, after)).toEqual({
      included: false,
      exclusion: { reason: 'filtered', detail: 'Created date is after 1 Mar 2026, 16:30 UTC' },
    });
  });

  it('R-FLT-2: customer, status and custom field filters', () => {
    const q = qboInvoice({ customFields: { 'CustomField:1': { type: 'string', value: 'PO-7' } } });
    const customerIs = [
      { kind: 'primary' as const, field: 'customer', operator: 'in' as const, value: ['qc2'] },
    ];
    expect(filterInboundInvoice(q, null, customerIs)).toMatchObject({ included: false });
    expect(filterInboundInvoice(qboInvoice({ customerId: 'qc2' }), null, customerIs)).toEqual({
      included: true,
    });
    const status = [
      { kind: 'primary' as const, field: 'status', operator: 'not_in' as const, value: ['voided'] },
    ];
    expect(filterInboundInvoice(q, null, status)).toEqual({ included: true });
    const custom = [
      { kind: 'primary' as const, field: 'CustomField:1', operator: 'starts_with' as const, value: 'po-' },
    ];
    expect(filterInboundInvoice(q, null, custom)).toEqual({ included: true });
    expect(filterInboundInvoice(qboInvoice(), null, custom)).toMatchObject({ included: false });
  });
});

describe('contact and product rule filters', () => {
  const withFilters = (customerFilters: unknown[], productFilters: unknown[] = []) =>
    settings({
      customer: { enabled: true, syncStartedAt: T0, filters: customerFilters as never },
      product: { enabled: true, syncStartedAt: T0, filters: productFilters as never },
    });
  const facts = { isBillingContactOfSyncedInvoice: false };

  it('R-FLT-5: a HubSpot-side contact filter guards HubSpot → QBO only, and names itself', () => {
    const s = withFilters([
      { kind: 'property', side: 'hubspot', field: 'email', operator: 'contains', value: '@client.com' },
    ]);
    const lead = sideRecord('hubspot', 'customer', 'h1', customer({ email: 'lead@gmail.com' }));
    const client = sideRecord('hubspot', 'customer', 'h2', customer({ email: 'ap@client.com' }));
    const fromQbo = sideRecord('quickbooks', 'customer', 'q1', customer({ email: 'lead@gmail.com' }));
    expect(customerFilterDecision(lead, s, facts)).toEqual({
      included: false,
      exclusion: { reason: 'filtered', detail: 'Email contains "@client.com"' },
    });
    expect(customerFilterDecision(client, s, facts)).toEqual({ included: true });
    expect(customerFilterDecision(fromQbo, s, facts)).toEqual({ included: true });
  });

  it('R-FLT-5: QBO-side customer and item filters (active)', () => {
    const s = withFilters(
      [{ kind: 'property', side: 'quickbooks', field: 'active', operator: 'eq', value: 'true' }],
      [{ kind: 'property', side: 'quickbooks', field: 'active', operator: 'eq', value: 'true' }],
    );
    const inactive = sideRecord('quickbooks', 'customer', 'q1', customer({ active: false }));
    expect(customerFilterDecision(inactive, s, facts)).toEqual({
      included: false,
      exclusion: { reason: 'filtered', detail: 'Active is Yes' },
    });
    const item = sideRecord('quickbooks', 'product', 'qi', product({ active: false }));
    expect(productFilterDecision(item, s)).toMatchObject({ included: false });
    expect(productFilterDecision(sideRecord('quickbooks', 'product', 'qi', product()), s)).toEqual({
      included: true,
    });
  });

  it('R-FLT-5: a QBO item filter on Type', () => {
    const s = withFilters(
      [],
      [{ kind: 'property', side: 'quickbooks', field: 'type', operator: 'in', value: ['Service'] }],
    );
    const service = sideRecord('quickbooks', 'product', 'q1', product(), {
      filterValues: { type: 'Service' },
    });
    const stock = sideRecord('quickbooks', 'product', 'q2', product(), {
      filterValues: { type: 'Inventory' },
    });
    expect(productFilterDecision(service, s)).toEqual({ included: true });
    expect(productFilterDecision(stock, s)).toEqual({
      included: false,
      exclusion: { reason: 'filtered', detail: 'Type is any of Service' },
    });
  });

  it('R-FLT-3: the SKU rule stays ahead of product filters', () => {
    const s = withFilters(
      [],
      [{ kind: 'property', side: 'hubspot', field: 'price', operator: 'gt', value: '5' }],
    );
    expect(
      productFilterDecision(sideRecord('hubspot', 'product', 'p', product({ sku: null })), s),
    ).toMatchObject({
      exclusion: { reason: 'no_sku' },
    });
    expect(
      productFilterDecision(sideRecord('hubspot', 'product', 'p', product({ unitPrice: '2.00' })), s),
    ).toEqual({
      included: false,
      exclusion: { reason: 'filtered', detail: 'Unit price is more than "5"' },
    });
  });

  it('R-FLT-5: "billing contact of a synced invoice" keeps contacts an invoice needs; the planner applies it', () => {
    const s = withFilters([{ kind: 'billing_contact_of_synced_invoice' }]);
    const lead = sideRecord('hubspot', 'customer', 'h1', customer({ email: 'lead@gmail.com' }));
    expect(customerFilterDecision(lead, s, facts)).toEqual({
      included: false,
      exclusion: {
        reason: 'filtered',
        detail: 'Only contacts that are the billing contact of a synced invoice',
      },
    });
    expect(customerFilterDecision(lead, s, { isBillingContactOfSyncedInvoice: true })).toEqual({
      included: true,
    });

    const w = new SyncWorld(s);
    w.put(lead);
    w.put(sideRecord('hubspot', 'customer', 'h2', customer({ email: 'billing@client.com' })));
    w.put(sideRecord('hubspot', 'invoice', 'hi', invoice({ customerId: 'h2' })));
    const [first] = w.sync();
    expect(w.linkOf('customer', 'hubspot', 'h2')).toBeDefined();
    expect(w.linkOf('customer', 'hubspot', 'h1')).toBeUndefined();
    expect(first?.actions.find((a) => a.kind === 'exclude' && a.source.id === 'h1')).toMatchObject({
      exclusion: {
        reason: 'filtered',
        detail: 'Only contacts that are the billing contact of a synced invoice',
      },
    });
  });
});
