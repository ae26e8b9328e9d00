import { describe, expect, it } from '@jest/globals';
import type { HubSpotObject } from '../crm/hubspot-object.ts';
import {
  canonicalToInvoiceProperties,
  canonicalToLineItemProperties,
  invoiceToCanonical,
  lineItemToCanonical,
} from './map-invoice.ts';
import { decimal, isoDate, toHubSpotDate } from './property-values.ts';

const obj = (id: string, properties: Record<string, string | null>): HubSpotObject => ({
  id,
  properties,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});

describe('HubSpot invoice mapping (exact money)', () => {
  it('keeps decimals exact: 3 × 0.1 is 0.30, never 0.30000000000000004', () => {
    const line = lineItemToCanonical(obj('1', { quantity: '3', price: '0.1', amount: null }), 'USD');
    expect(line).toMatchObject({ quantity: '3', unitPrice: '0.1', amount: '0.30', discount: null });
  });

  it('reads percentage discounts and unit discounts (times the quantity) and rounds to the currency', () => {
    const pct = lineItemToCanonical(
      obj('1', { quantity: '1', price: '10', hs_discount_percentage: '12.5' }),
      'JPY',
    );
    expect(pct).toMatchObject({ discount: { kind: 'percent', value: '12.5' }, amount: '9' });
    const abs = lineItemToCanonical(
      obj('2', { quantity: '2', price: '5.005', discount: '1', amount: '8.01' }),
      'KWD',
    );
    expect(abs).toMatchObject({ discount: { kind: 'amount', value: '2' }, amount: '8.010' });
    const computed = lineItemToCanonical(obj('3', { quantity: '3', price: '10', discount: '0.35' }), 'USD');
    expect(computed).toMatchObject({ discount: { kind: 'amount', value: '1.05' }, amount: '28.95' });
  });

  it('writes an amount discount as the unit discount HubSpot keeps (to six decimals)', () => {
    const line = lineItemToCanonical(obj('3', { quantity: '3', price: '10', discount: '0.35' }), 'USD');
    expect(canonicalToLineItemProperties(line, 'USD')).toMatchObject({ quantity: '3', discount: '0.35' });
    const third = { ...line, discount: { kind: 'amount' as const, value: '10' }, amount: '20.00' };
    expect(canonicalToLineItemProperties(third, 'USD').discount).toBe('3.333333');
  });

  it('derives partially paid from the balance and classifies the invoice source', () => {
    const inv = obj('9', {
      hs_currency: 'EUR',
      hs_invoice_status: 'open',
      hs_amount_billed: '100',
      hs_balance_due: '40.5',
      hs_invoice_date: '1772323200000',
      hs_invoice_source: 'data_sync',
    });
    const sources = [
      { value: 'hubspot', label: 'HubSpot' },
      { value: 'data_sync', label: 'Data Sync' },
    ];
    const c = invoiceToCanonical(inv, [], '77', [], sources);
    expect(c).toMatchObject({
      status: 'partially_paid',
      total: '100.00',
      balance: '40.50',
      source: 'integration',
      sourceName: 'Data Sync',
      issueDate: '2026-03-01',
      customerId: '77',
    });
    expect(invoiceToCanonical(obj('9', { hs_invoice_source: 'hubspot' }), [], null, [], sources).source).toBe(
      'hubspot',
    );
  });

  it('never writes calculated totals or the read-only hs_number (the number goes to ledgersync_qbo_number), and sends dates as midnight UTC', () => {
    const props = canonicalToInvoiceProperties({
      number: 'X',
      total: '1',
      balance: '1',
      issueDate: '2026-03-01',
      status: 'partially_paid',
    });
    expect(props).toEqual({
      ledgersync_qbo_number: 'X',
      hs_invoice_date: '1772323200000',
      hs_invoice_status: 'open',
    });
  });

  it('refuses number forms HubSpot does not send instead of guessing', () => {
    expect(() => decimal('1e3')).toThrow();
    expect(decimal(' 12.50 ')).toBe('12.5');
    expect(isoDate('2026-03-01T23:59:59.000Z')).toBe('2026-03-01');
    expect(toHubSpotDate(null)).toBe('');
  });
});
