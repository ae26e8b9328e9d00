import { describe, expect, it } from '@jest/globals';
import { fieldSpecs } from '../mapping/field-projection.ts';
import { buildRefIndex } from '../mapping/ref-index.ts';
import { customer } from '../testing/factories.ts';
import { mergeFields } from './merge-fields.ts';

const specs = fieldSpecs('customer', [], [], {
  refs: buildRefIndex([]),
  customLineItemId: null,
  taxMapping: null,
});
const base = customer();

describe('three-way merge', () => {
  it('R-MAP-2: only one side changed → that side wins whatever the policy', () => {
    const out = mergeFields({
      specs,
      hubspot: base,
      quickbooks: { ...base, phone: '1' },
      hubspotBase: base,
      quickbooksBase: base,
      policy: { kind: 'prefer_hubspot' },
      direction: 'two_way',
    });
    expect(out.writes.hubspot).toEqual([{ field: 'phone', value: '1' }]);
    expect(out.conflicts).toEqual([]);
  });

  it('R-EDT-3: an empty string on one side and no value on the other is no change and no write', () => {
    const hubspot = { ...base, phone: null, companyName: null };
    const quickbooks = { ...base, phone: '', companyName: '' };
    const out = mergeFields({
      specs,
      hubspot,
      quickbooks,
      hubspotBase: hubspot,
      quickbooksBase: quickbooks,
      policy: { kind: 'prefer_hubspot' },
      direction: 'two_way',
    });
    expect(out.writes).toEqual({ hubspot: [], quickbooks: [] });
    expect(out.conflicts).toEqual([]);
  });

  it('R-MAP-2: both changed to different values → the policy decides and the conflict is recorded', () => {
    const out = mergeFields({
      specs,
      hubspot: { ...base, phone: 'h' },
      quickbooks: { ...base, phone: 'q' },
      hubspotBase: base,
      quickbooksBase: base,
      policy: { kind: 'prefer_quickbooks' },
      direction: 'two_way',
    });
    expect(out.writes.hubspot).toEqual([{ field: 'phone', value: 'q' }]);
    expect(out.writes.quickbooks).toEqual([]);
    expect(out.conflicts).toMatchObject([{ field: 'phone', winner: 'quickbooks', firstMatch: false }]);
  });

  it('R-MAP-2: first match of two existing records → the policy decides every differing field', () => {
    const out = mergeFields({
      specs,
      hubspot: { ...base, phone: 'h', lastName: 'X' },
      quickbooks: { ...base, phone: 'q' },
      hubspotBase: null,
      quickbooksBase: null,
      policy: { kind: 'prefer_hubspot' },
      direction: 'two_way',
    });
    expect(out.writes.quickbooks.map((w) => w.field).sort()).toEqual(['lastName', 'phone']);
    expect(out.conflicts.every((c) => c.firstMatch)).toBe(true);
  });

  it('R-MAP-1: a one-way sync never writes into its source', () => {
    const out = mergeFields({
      specs,
      hubspot: base,
      quickbooks: { ...base, phone: 'q' },
      hubspotBase: base,
      quickbooksBase: base,
      policy: { kind: 'prefer_quickbooks' },
      direction: 'hubspot_to_quickbooks',
    });
    expect(out.writes.hubspot).toEqual([]);
    expect(out.writes.quickbooks).toEqual([{ field: 'phone', value: null }]);
  });

  it('R-EDT-3: equal to the base on both sides → nothing to write', () => {
    const out = mergeFields({
      specs,
      hubspot: base,
      quickbooks: base,
      hubspotBase: base,
      quickbooksBase: base,
      policy: { kind: 'prefer_hubspot' },
      direction: 'two_way',
    });
    expect(out.writes).toEqual({ hubspot: [], quickbooks: [] });
  });
});
