import { describe, expect, it } from '@jest/globals';
import { allKnown, classifyInvoiceSource } from './invoice-source.ts';

// Values as a portal's definition might hold them: nothing here relies on what they are.
const options = [
  { value: 'NATIVE', label: 'HubSpot' },
  { value: 'sync_1', label: 'Data Sync' },
  { value: 'qb_legacy', label: 'Legacy QuickBooks integration' },
  { value: 'stripe', label: 'Stripe' },
];

describe('invoice source, read from the definition (R-FLT-1)', () => {
  it('takes only the option HubSpot labels "HubSpot" for HubSpot’s own, whatever its value', () => {
    expect(classifyInvoiceSource('NATIVE', options)).toEqual({ source: 'hubspot' });
    expect(classifyInvoiceSource('hubspot', options)).toEqual({ source: 'unknown', sourceName: 'hubspot' });
  });

  it('names the documented other sources by their label', () => {
    expect(classifyInvoiceSource('sync_1', options)).toEqual({
      source: 'integration',
      sourceName: 'Data Sync',
    });
    expect(classifyInvoiceSource('qb_legacy', options)).toEqual({
      source: 'legacy_quickbooks',
      sourceName: 'Legacy QuickBooks integration',
    });
  });

  it('an option no document names, a value with no option, or none at all is unknown, and named', () => {
    expect(classifyInvoiceSource('stripe', options)).toEqual({ source: 'unknown', sourceName: 'Stripe' });
    expect(classifyInvoiceSource('xero', options)).toEqual({ source: 'unknown', sourceName: 'xero' });
    expect(classifyInvoiceSource(null, options)).toEqual({ source: 'unknown', sourceName: '(none)' });
    expect(classifyInvoiceSource('NATIVE', [])).toEqual({ source: 'unknown', sourceName: 'NATIVE' });
  });

  it('asks for the definition again only when a value has no option', () => {
    expect(allKnown(['NATIVE', 'stripe', null, ''], options)).toBe(true);
    expect(allKnown(['NATIVE', 'xero'], options)).toBe(false);
  });
});
