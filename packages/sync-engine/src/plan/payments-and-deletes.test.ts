import { describe, expect, it } from '@jest/globals';
import { customer, invoice, payment, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld, writes } from '../testing/sync-world.ts';

function syncedInvoice(direction: 'two_way' | 'quickbooks_to_hubspot' = 'two_way') {
  const w = new SyncWorld(
    settings({
      invoice: {
        enabled: true,
        direction,
        syncStartedAt: '2026-01-01T00:00:00.000Z',
        customLineItemIncomeAccountId: 'a',
      },
    }),
  );
  w.put(sideRecord('quickbooks', 'customer', 'q1', customer({ displayName: 'AE' })));
  w.put(sideRecord('quickbooks', 'invoice', 'qi', invoice({ customerId: 'q1', source: 'quickbooks' })));
  w.sync();
  return { w, hid: w.linkOf('invoice', 'quickbooks', 'qi')!.hubspotId! };
}

describe('payments (R-OBJ-4)', () => {
  it('R-OBJ-4: a QBO payment is created in HubSpot, applied to the linked invoice', () => {
    const { w, hid } = syncedInvoice();
    w.put(
      sideRecord(
        'quickbooks',
        'payment',
        'qp',
        payment({ customerId: 'q1', appliedTo: [{ invoiceId: 'qi', amount: '100.00' }] }),
      ),
    );
    w.sync();
    const hp = w.linkOf('payment', 'quickbooks', 'qp')!.hubspotId!;
    expect(w.get('payment', 'hubspot', hp)?.appliedTo).toEqual([{ invoiceId: hid, amount: '100.00' }]);
    expect(writes(w.plan())).toEqual([]);
  });

  it('R-OBJ-4: a HubSpot payment with no contact goes to QBO with its invoice’s customer, and its echo writes nothing', () => {
    const { w, hid } = syncedInvoice();
    w.put(
      sideRecord(
        'hubspot',
        'payment',
        'hp',
        payment({ customerId: null, appliedTo: [{ invoiceId: hid, amount: '100.00' }] }),
      ),
    );
    w.sync();
    const qp = w.linkOf('payment', 'hubspot', 'hp')!.quickbooksId!;
    expect(w.get('payment', 'quickbooks', qp)).toMatchObject({
      customerId: 'q1',
      appliedTo: [{ invoiceId: 'qi', amount: '100.00' }],
    });
    expect(writes(w.plan())).toEqual([]);
  });

  it('R-OBJ-4: inbound-only invoice sync excludes payments', () => {
    const { w } = syncedInvoice('quickbooks_to_hubspot');
    w.put(
      sideRecord(
        'quickbooks',
        'payment',
        'qp',
        payment({ customerId: 'q1', appliedTo: [{ invoiceId: 'qi', amount: '1.00' }] }),
      ),
    );
    const ex = w.plan().actions.find((a) => a.object === 'payment');
    expect(ex?.kind === 'exclude' && ex.exclusion.reason).toBe('payments_not_synced');
  });

  it('R-OBJ-4: a payment on an invoice that is not synced fails with payment_invoice_not_linked and retries', () => {
    const { w } = syncedInvoice();
    w.put(sideRecord('hubspot', 'invoice', 'draft', invoice({ status: 'draft' })));
    w.put(
      sideRecord(
        'hubspot',
        'payment',
        'hp',
        payment({ appliedTo: [{ invoiceId: 'draft', amount: '1.00' }] }),
      ),
    );
    const fail = w.plan().actions.find((a) => a.object === 'payment');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('payment_invoice_not_linked');
    expect(fail?.kind === 'fail' && fail.error.retryable).toBe(true);
  });
});

describe('payment amounts (R-OBJ-6)', () => {
  it('R-OBJ-6: a payment with more decimals than its currency, or applying more than it pays, is refused', () => {
    const { w } = syncedInvoice();
    w.put(
      sideRecord(
        'quickbooks',
        'payment',
        'qp',
        payment({ amount: '10.005', customerId: 'q1', appliedTo: [{ invoiceId: 'qi', amount: '10' }] }),
      ),
    );
    const fail = w.plan().actions.find((a) => a.object === 'payment');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('amount_mismatch');
    w.put(
      sideRecord(
        'quickbooks',
        'payment',
        'qp',
        payment({ amount: '5.00', customerId: 'q1', appliedTo: [{ invoiceId: 'qi', amount: '6.00' }] }),
      ),
    );
    const over = w.plan().actions.find((a) => a.object === 'payment');
    expect(over?.kind === 'fail' && over.error.message).toContain('6');
  });
});

describe('deletes and merges (R-OBJ-7)', () => {
  it('R-OBJ-7: a delete is never copied; the other record is marked and the link says so', () => {
    const { w, hid } = syncedInvoice();
    const r = w.records.get('invoice|quickbooks|qi')!;
    w.put({ ...r, deleted: true });
    const [plan] = w.sync();
    expect(writes(plan!).map((a) => [a.side, a.command.kind])).toEqual([
      ['hubspot', 'mark_counterpart_deleted'],
    ]);
    expect(w.get('invoice', 'hubspot', hid)).toBeDefined();
    expect(w.linkOf('invoice', 'hubspot', hid)).toMatchObject({
      state: 'counterpart_deleted',
      deletedOn: 'quickbooks',
    });
    const again = w.plan();
    expect(writes(again)).toEqual([]);
  });

  it('R-OBJ-7: a merge re-points the link to the surviving record', () => {
    const { w } = syncedInvoice();
    const hc = w.linkOf('customer', 'quickbooks', 'q1')!.hubspotId!;
    w.put(sideRecord('hubspot', 'customer', 'survivor', customer()));
    const loser = w.records.get(`customer|hubspot|${hc}`)!;
    w.put({ ...loser, mergedInto: 'survivor' });
    const plan = w.plan();
    const link = plan.actions.find((a) => a.kind === 'link');
    expect(link?.kind === 'link' && link.link.hubspotId).toBe('survivor');
  });
});
