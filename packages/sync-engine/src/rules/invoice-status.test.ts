import { describe, expect, it } from '@jest/globals';
import { customer, invoice, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld, writes } from '../testing/sync-world.ts';
import { INVOICE_STATUS_MIRROR, mirrorStatus } from './invoice-status-table.ts';
import { paymentSyncEnabled } from './payment-sync-enabled.ts';

function synced() {
  const w = new SyncWorld(settings());
  w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
  w.put(sideRecord('hubspot', 'invoice', 'i1', invoice({ customerId: 'c1' })));
  w.sync();
  return { w, qid: w.linkOf('invoice', 'hubspot', 'i1')!.quickbooksId! };
}

describe('status mirroring (R-OBJ-5)', () => {
  it('R-OBJ-5: voiding in HubSpot voids the QBO invoice with a void command', () => {
    const { w, qid } = synced();
    w.edit('invoice', 'hubspot', 'i1', { status: 'voided' });
    const [plan] = w.sync();
    expect(writes(plan!).map((a) => a.command.kind)).toEqual(['void']);
    expect(w.get('invoice', 'quickbooks', qid)?.status).toBe('voided');
    expect(writes(w.plan())).toEqual([]);
  });

  it('R-OBJ-5: voiding in QBO voids the HubSpot invoice', () => {
    const { w, qid } = synced();
    w.edit('invoice', 'quickbooks', qid, { status: 'voided' });
    w.sync();
    expect(w.get('invoice', 'hubspot', 'i1')?.status).toBe('voided');
  });

  it('R-OBJ-5: paid and partially paid follow from payments, never from an invoice write', () => {
    const { w, qid } = synced();
    w.edit('invoice', 'quickbooks', qid, { status: 'partially_paid', balance: '40.00' });
    expect(writes(w.plan())).toEqual([]);
    expect(mirrorStatus('open', 'paid')).toBe('via_payment');
    expect(mirrorStatus('open', 'partially_paid')).toBe('via_payment');
  });

  it('R-OBJ-5: a voided invoice is never revived and nothing goes back to draft', () => {
    for (const to of Object.keys(INVOICE_STATUS_MIRROR.voided)) {
      expect(mirrorStatus('voided', to as 'open')).toBe('none');
    }
    expect(mirrorStatus('open', 'draft')).toBe('none');
  });

  it('R-OBJ-4: payments sync with outbound or two-way invoice sync, not with inbound only', () => {
    expect(paymentSyncEnabled({ enabled: true, direction: 'two_way' })).toBe(true);
    expect(paymentSyncEnabled({ enabled: true, direction: 'hubspot_to_quickbooks' })).toBe(true);
    expect(paymentSyncEnabled({ enabled: true, direction: 'quickbooks_to_hubspot' })).toBe(false);
    expect(paymentSyncEnabled({ enabled: false, direction: 'two_way' })).toBe(false);
  });
});
