import { describe, expect, it } from '@jest/globals';
import type { CustomMapping } from '../settings/portal-settings.ts';
import { customer, invoice, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld } from '../testing/sync-world.ts';
import { DEFAULT_FIELD_MAPPINGS, enabledDefaultMappings } from './default-field-mappings.ts';
import { validateCustomMapping } from './validate-custom-mapping.ts';

const poMapping = (over: Partial<CustomMapping> = {}): CustomMapping => ({
  id: 'po',
  hubspot: { property: 'hs_purchase_order_number', label: 'PO number', type: 'string' },
  quickbooks: { field: '1', label: 'P.O. Number', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
  ...over,
});

describe('mappings', () => {
  it('R-MAP-3: every object has a default mapping table; switchable fields can be turned off, key fields cannot', () => {
    for (const object of ['customer', 'product', 'invoice', 'payment'] as const) {
      expect(DEFAULT_FIELD_MAPPINGS[object].length).toBeGreaterThan(0);
    }
    const keys = enabledDefaultMappings('customer', ['phone', 'email']).map((m) => m.key);
    expect(keys).not.toContain('phone');
    expect(keys).toContain('email');
  });

  it('R-MAP-3: a switched-off field is left out of the sync', () => {
    const w = new SyncWorld(settings({ customer: { enabled: true, disabledFields: ['phone'] } }));
    w.put(sideRecord('hubspot', 'customer', 'c', customer({ phone: '555' })));
    w.sync();
    const q = w.linkOf('customer', 'hubspot', 'c')!.quickbooksId!;
    expect(w.get('customer', 'quickbooks', q)?.phone).toBeNull();
    w.edit('customer', 'hubspot', 'c', { phone: '777', lastName: 'Byron' });
    w.sync();
    expect(w.get('customer', 'quickbooks', q)?.phone).toBeNull();
    expect(w.get('customer', 'quickbooks', q)?.lastName).toBe('Byron');
  });

  it('R-MAP-4: a free portal gets tier_required, not a silent ignore', () => {
    const r = validateCustomMapping(poMapping(), 'free', []);
    expect(r.ok === false && r.error.code).toBe('tier_required');
    expect(validateCustomMapping(poMapping(), 'starter', []).ok).toBe(true);
  });

  it('R-MAP-5: a mapping whose types do not fit is refused, naming both fields and both types', () => {
    const r = validateCustomMapping(
      poMapping({
        hubspot: { property: 'hs_due_date', label: 'Due date', type: 'date' },
        quickbooks: { field: '2', label: 'Tracking no.', type: 'number', custom: true },
      }),
      'professional',
      [],
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('mapping_type_mismatch');
      for (const part of ['Due date', 'hs_due_date', 'date', 'Tracking no.', 'number'])
        expect(r.error.message).toContain(part);
    }
    expect(
      validateCustomMapping(
        poMapping({ hubspot: { property: 'x', label: 'X', type: 'enumeration' } }),
        'enterprise',
        [],
      ).ok,
    ).toBe(true);
  });

  it('R-MAP-4 / R-FAQ-1: a custom mapping carries a purchase order number into a QBO custom field, both ways', () => {
    const w = new SyncWorld(
      settings({
        invoice: {
          enabled: true,
          syncStartedAt: '2026-01-01T00:00:00.000Z',
          customLineItemIncomeAccountId: 'a',
          customMappings: [poMapping()],
        },
      }),
    );
    w.put(sideRecord('hubspot', 'customer', 'c', customer()));
    w.put(
      sideRecord(
        'hubspot',
        'invoice',
        'i',
        invoice({
          customerId: 'c',
          customFields: { hs_purchase_order_number: { type: 'string', value: 'PO-7' } },
        }),
      ),
    );
    w.sync();
    const q = w.linkOf('invoice', 'hubspot', 'i')!.quickbooksId!;
    expect(w.get('invoice', 'quickbooks', q)?.customFields).toEqual({
      '1': { type: 'string', value: 'PO-7' },
    });
    w.edit('invoice', 'quickbooks', q, { customFields: { '1': { type: 'string', value: 'PO-8' } } });
    w.sync();
    expect(w.get('invoice', 'hubspot', 'i')?.customFields.hs_purchase_order_number).toEqual({
      type: 'string',
      value: 'PO-8',
    });
  });
});
