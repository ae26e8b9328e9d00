import { describe, expect, it } from '@jest/globals';
import { customer, invoice, product, settings, sideRecord, T0 } from '../testing/factories.ts';
import { SyncWorld } from '../testing/sync-world.ts';
import { filterInboundInvoice } from './inbound-invoice-filters.ts';
import { FIXED_OUTBOUND_INVOICE_FILTERS, filterOutboundInvoice } from './outbound-invoice-filters.ts';
import { filterProductBySku } from './product-sku-filter.ts';

const hsInvoice = (over: Parameters<typeof invoice>[0] = {}, times = {}) =>
  sideRecord('hubspot', 'invoice', 'i', invoice(over), times);

describe('filters', () => {
  it('R-FLT-1: three fixed outbound filters: HubSpot source, not draft, after sync start', () => {
    expect(FIXED_OUTBOUND_INVOICE_FILTERS.map((f) => f.key)).toEqual([
      'source_hubspot',
      'not_draft',
      'after_sync_start',
    ]);
    expect(filterOutboundInvoice(hsInvoice(), T0)).toEqual({ included: true });
    expect(filterOutboundInvoice(hsInvoice({ source: 'integration' }), T0)).toMatchObject({
      included: false,
      exclusion: { reason: 'not_hubspot_source' },
    });
    expect(
      filterOutboundInvoice(hsInvoice({ source: 'integration', sourceName: 'Data Sync' }), T0),
    ).toMatchObject({ exclusion: { detail: 'Invoice source "Data Sync" is not HubSpot' } });
    expect(filterOutboundInvoice(hsInvoice({ source: 'unknown', sourceName: 'Stripe' }), T0)).toEqual({
      included: false,
      exclusion: { reason: 'unknown_invoice_source', detail: 'Invoice source "Stripe" is not HubSpot' },
    });
    expect(filterOutboundInvoice(hsInvoice({ status: 'draft' }), T0)).toMatchObject({
      exclusion: { reason: 'draft' },
    });
  });

  it('R-FLT-4: an invoice created and last changed before sync started is excluded; a later edit brings it in', () => {
    const old = { createdAt: '2025-06-01T00:00:00.000Z', updatedAt: '2025-06-02T00:00:00.000Z' };
    expect(filterOutboundInvoice(hsInvoice({}, old), T0)).toMatchObject({
      exclusion: { reason: 'before_sync_start' },
    });
    expect(
      filterOutboundInvoice(hsInvoice({}, { ...old, updatedAt: '2026-01-02T00:00:00.000Z' }), T0),
    ).toEqual({
      included: true,
    });
  });

  it('R-FLT-2: no inbound filter syncs every QBO invoice; a primary filter "created after today" excludes older ones', () => {
    const q = sideRecord('quickbooks', 'invoice', 'q', invoice({ source: 'quickbooks' }), {
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(filterInboundInvoice(q, null, [])).toEqual({ included: true });
    const after = [
      { kind: 'primary' as const, field: 'createdAt', operator: 'gt' as const, value: '2026-03-02' },
    ];
    expect(filterInboundInvoice(q, null, after)).toMatchObject({
      included: false,
      exclusion: { reason: 'filtered' },
    });
    const before = [{ kind: 'primary' as const, field: 'total', operator: 'gte' as const, value: '99.5' }];
    expect(filterInboundInvoice(q, null, before)).toEqual({ included: true });
  });

  it('R-FLT-2: "created after" compares moments, though QuickBooks stamps its times with the company offset and the filter is in UTC', () => {
    const filter = [
      {
        kind: 'primary' as const,
        field: 'createdAt',
        operator: 'gte' as const,
        value: '2026-12-07T20:40:25.570Z',
      },
    ];
    const createdAt = (at: string) =>
      sideRecord('quickbooks', 'invoice', 'q', invoice({ source: 'quickbooks' }), {
        createdAt: at,
        updatedAt: at,
      });
    // 12:40:26 Pacific is 20:40:26 UTC: a second after the filter was added.
    expect(filterInboundInvoice(createdAt('2026-12-07T12:40:26-08:00'), null, filter)).toEqual({
      included: true,
    });
    expect(filterInboundInvoice(createdAt('2026-12-07T12:40:25-08:00'), null, filter)).toMatchObject({
      included: false,
      exclusion: { reason: 'filtered' },
    });
  });

  it('R-FLT-2: an "associated with" filter tests the invoice customer', () => {
    const q = sideRecord('quickbooks', 'invoice', 'q', invoice({ source: 'quickbooks' }));
    const f = [
      {
        kind: 'associated_with' as const,
        association: 'customer' as const,
        field: 'email',
        operator: 'contains' as const,
        value: '@example.com',
      },
    ];
    expect(filterInboundInvoice(q, customer(), f)).toEqual({ included: true });
    expect(filterInboundInvoice(q, customer({ email: 'x@other.org' }), f)).toMatchObject({ included: false });
    expect(filterInboundInvoice(q, null, f)).toMatchObject({ included: false });
    const inList = [
      { kind: 'primary' as const, field: 'currency', operator: 'in' as const, value: ['usd', 'eur'] },
    ];
    expect(filterInboundInvoice(q, null, inList)).toEqual({ included: true });
  });

  it('R-FLT-2: the planner applies inbound filters before anything is written to HubSpot', () => {
    const w = new SyncWorld(
      settings({
        invoice: {
          enabled: true,
          syncStartedAt: T0,
          inboundFilters: [{ kind: 'primary', field: 'number', operator: 'starts_with', value: 'KEEP' }],
        },
      }),
    );
    w.put(sideRecord('quickbooks', 'customer', 'qc', customer({ displayName: 'AE' })));
    w.put(
      sideRecord(
        'quickbooks',
        'invoice',
        'q1',
        invoice({ customerId: 'qc', number: 'SKIP-1', source: 'quickbooks' }),
      ),
    );
    w.sync();
    expect(w.linkOf('invoice', 'quickbooks', 'q1')).toBeUndefined();
  });

  it('R-FLT-3: products without a SKU are excluded by default, and included when the admin allows it', () => {
    const p = sideRecord('hubspot', 'product', 'p', product({ sku: '  ' }));
    expect(filterProductBySku(p, true)).toMatchObject({ exclusion: { reason: 'no_sku' } });
    expect(filterProductBySku(p, false)).toEqual({ included: true });
  });
});
