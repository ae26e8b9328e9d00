import { describe, expect, it } from '@jest/globals';
import { customer, invoice, line, product, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld, writes } from '../testing/sync-world.ts';

function worldWithContactAndInvoice() {
  const w = new SyncWorld(settings());
  w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
  w.put(sideRecord('hubspot', 'invoice', 'i1', invoice({ customerId: 'c1' })));
  return w;
}

describe('planSyncBatch', () => {
  it('R-CON-4: creates the customer before the invoice; the invoice waits, then follows', () => {
    const w = worldWithContactAndInvoice();
    const [first, second] = w.sync();
    expect(first?.actions.map((a) => `${a.kind}:${a.object}`)).toEqual(['write:customer', 'defer:invoice']);
    const created = writes(second!).find((a) => a.object === 'invoice');
    expect(created?.command.kind).toBe('create');
    const qboCustomerId = w.linkOf('customer', 'hubspot', 'c1')?.quickbooksId;
    const qboInvoiceId = w.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId;
    expect(w.get('invoice', 'quickbooks', qboInvoiceId!)?.customerId).toBe(qboCustomerId);
  });

  it('R-EDT-3 / R-OBJ-1: the Custom Line Item read back from QBO is neither synced nor reported as excluded', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('quickbooks', 'product', 'cli', product({ name: 'Custom Line Item', sku: null })));
    const plan = w.plan();
    expect(plan.actions.map((a) => a.kind)).toEqual(['skip']);
  });

  it('R-EDT-3: after a sync, planning again writes nothing (our own writes are not changes)', () => {
    const w = worldWithContactAndInvoice();
    w.sync();
    const again = w.plan();
    expect(writes(again)).toEqual([]);
    expect(again.actions.every((a) => a.kind === 'skip')).toBe(true);
  });

  it('R-OBJ-1: a line whose product has no QBO item goes to the Custom Line Item', () => {
    const w = worldWithContactAndInvoice();
    w.put(sideRecord('hubspot', 'product', 'p-nosku', product({ sku: null })));
    w.put(
      sideRecord(
        'hubspot',
        'invoice',
        'i1',
        invoice({ customerId: 'c1', lines: [line('USD', { productId: 'p-nosku' })] }),
      ),
    );
    w.sync();
    const qboInvoiceId = w.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId;
    expect(w.get('invoice', 'quickbooks', qboInvoiceId!)?.lines[0]?.productId).toBe('cli');
    expect(writes(w.plan())).toEqual([]);
  });

  it('R-OBJ-1: products match by SKU exactly and lines point to the matched item', () => {
    const w = worldWithContactAndInvoice();
    w.put(sideRecord('hubspot', 'product', 'hp', product({ sku: 'W-1' })));
    w.put(sideRecord('quickbooks', 'product', 'qp', product({ sku: 'W-1', incomeAccountId: 'a1' })));
    w.put(sideRecord('quickbooks', 'product', 'qp2', product({ sku: 'w-1' })));
    w.put(
      sideRecord(
        'hubspot',
        'invoice',
        'i1',
        invoice({ customerId: 'c1', lines: [line('USD', { productId: 'hp' })] }),
      ),
    );
    w.sync();
    expect(w.linkOf('product', 'hubspot', 'hp')?.quickbooksId).toBe('qp');
    const qboInvoiceId = w.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId;
    expect(w.get('invoice', 'quickbooks', qboInvoiceId!)?.lines[0]?.productId).toBe('qp');
  });

  it('R-ERR-1: an invoice whose contact has no QBO customer fails with invoice_customer_missing', () => {
    const w = new SyncWorld(settings({ customer: { enabled: true, direction: 'quickbooks_to_hubspot' } }));
    w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
    w.put(sideRecord('hubspot', 'invoice', 'i1', invoice({ customerId: 'c1' })));
    const plan = w.plan();
    const fail = plan.actions.find((a) => a.kind === 'fail');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('invoice_customer_missing');
  });

  it('R-OBJ-2: contact ⇄ customer match by email, trimmed and case-insensitive, and link without a create', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c1', customer({ email: ' Ada@Example.com ' })));
    w.put(
      sideRecord('quickbooks', 'customer', 'q9', customer({ email: 'ada@example.com', displayName: 'AE' })),
    );
    const [plan] = w.sync();
    expect(plan?.actions.some((a) => a.kind === 'link')).toBe(true);
    expect(writes(plan!).some((a) => a.command.kind === 'create')).toBe(false);
    expect(w.linkOf('customer', 'hubspot', 'c1')?.quickbooksId).toBe('q9');
    // The pair is planned once, not once per side.
    expect(writes(plan!).map((a) => a.side)).toEqual(['quickbooks']);
    expect(plan?.actions.filter((a) => a.kind === 'link')).toHaveLength(1);
  });
});
