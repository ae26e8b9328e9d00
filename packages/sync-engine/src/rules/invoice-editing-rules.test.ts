import { describe, expect, it } from '@jest/globals';
import { customer, invoice, line, payment, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld, writes } from '../testing/sync-world.ts';

function syncedHubspotInvoice() {
  const w = new SyncWorld(
    settings({
      invoice: {
        enabled: true,
        direction: 'two_way',
        syncStartedAt: '2026-01-01T00:00:00.000Z',
        customLineItemIncomeAccountId: 'a',
        conflictPolicy: { kind: 'prefer_quickbooks' },
      },
    }),
  );
  w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
  w.put(sideRecord('hubspot', 'invoice', 'i1', invoice({ customerId: 'c1' })));
  w.sync();
  const qid = w.linkOf('invoice', 'hubspot', 'i1')!.quickbooksId!;
  return { w, qid };
}

describe('editing rules', () => {
  it('R-EDT-1 / R-ERR-4: lines changed in QBO on a HubSpot invoice fail with hubspot_native_edited_in_quickbooks and are not copied back', () => {
    const { w, qid } = syncedHubspotInvoice();
    const edited = [line('USD', { quantity: '3' })];
    w.edit('invoice', 'quickbooks', qid, { lines: edited, total: '150.00' });
    const plan = w.plan();
    const fail = plan.actions.find((a) => a.kind === 'fail');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('hubspot_native_edited_in_quickbooks');
    expect(writes(plan).filter((a) => a.side === 'hubspot')).toEqual([]);
    w.sync();
    expect(w.get('invoice', 'hubspot', 'i1')?.lines[0]?.quantity).toBe('2');
  });

  it('R-EDT-1: other fields edited in QBO still flow while the line edit is refused', () => {
    const { w, qid } = syncedHubspotInvoice();
    w.edit('invoice', 'quickbooks', qid, {
      lines: [line('USD', { quantity: '3' })],
      total: '150.00',
      dueDate: '2026-04-30',
    });
    w.sync();
    expect(w.get('invoice', 'hubspot', 'i1')?.dueDate).toBe('2026-04-30');
    expect(w.get('invoice', 'hubspot', 'i1')?.lines[0]?.quantity).toBe('2');
  });

  it('R-EDT-1: heals when the QBO edit is reverted', () => {
    const { w, qid } = syncedHubspotInvoice();
    const original = w.get('invoice', 'quickbooks', qid)!;
    w.edit('invoice', 'quickbooks', qid, { lines: [line('USD', { quantity: '3' })], total: '150.00' });
    expect(w.plan().actions.some((a) => a.kind === 'fail')).toBe(true);
    w.edit('invoice', 'quickbooks', qid, { lines: original.lines, total: original.total });
    const plan = w.plan();
    expect(plan.actions.some((a) => a.kind === 'fail')).toBe(false);
    expect(writes(plan)).toEqual([]);
  });

  it('R-EDT-1: heals when HubSpot is edited: HubSpot lines win even under "Use QuickBooks data"', () => {
    const { w, qid } = syncedHubspotInvoice();
    w.edit('invoice', 'quickbooks', qid, { lines: [line('USD', { quantity: '3' })], total: '150.00' });
    w.edit('invoice', 'hubspot', 'i1', { lines: [line('USD', { quantity: '5' })], total: '250.00' });
    const plan = w.plan();
    expect(plan.actions.some((a) => a.kind === 'fail')).toBe(false);
    w.sync();
    expect(w.get('invoice', 'quickbooks', qid)?.lines[0]?.quantity).toBe('5');
    expect(w.get('invoice', 'quickbooks', qid)?.total).toBe('250.00');
    expect(writes(w.plan())).toEqual([]);
  });

  it('R-EDT-1: comments edited in QBO are not copied back; the failure names them; a QBO revert or a HubSpot edit heals', () => {
    const { w, qid } = syncedHubspotInvoice();
    w.edit('invoice', 'quickbooks', qid, { comments: 'Changed by the bookkeeper' });
    const fail = w.plan().actions.find((a) => a.kind === 'fail');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('hubspot_native_edited_in_quickbooks');
    expect(fail?.kind === 'fail' && fail.error.message).toMatch(/Changed in QuickBooks: comments\./);
    w.sync();
    expect(w.get('invoice', 'hubspot', 'i1')?.comments).toBeNull();

    w.edit('invoice', 'quickbooks', qid, { comments: null });
    expect(w.plan().actions.some((a) => a.kind === 'fail')).toBe(false);

    w.edit('invoice', 'quickbooks', qid, { comments: 'Again' });
    w.edit('invoice', 'hubspot', 'i1', { comments: 'Said in HubSpot' });
    expect(w.plan().actions.some((a) => a.kind === 'fail')).toBe(false);
    w.sync();
    expect(w.get('invoice', 'quickbooks', qid)?.comments).toBe('Said in HubSpot');
  });

  it('R-EDT-1: a tax code changed in QBO fails naming taxes; reverting heals; a HubSpot edit sends the lines again', () => {
    const { w, qid } = syncedHubspotInvoice();
    const lines = w.get('invoice', 'quickbooks', qid)!.lines;
    w.edit('invoice', 'quickbooks', qid, { lines: lines.map((l) => ({ ...l, taxCodeId: 'TAX' })) });
    const fail = w.plan().actions.find((a) => a.kind === 'fail');
    expect(fail?.kind === 'fail' && fail.error.message).toMatch(/Changed in QuickBooks: taxes\./);

    w.edit('invoice', 'quickbooks', qid, { lines });
    expect(w.plan().actions.some((a) => a.kind === 'fail')).toBe(false);

    w.edit('invoice', 'quickbooks', qid, { lines: lines.map((l) => ({ ...l, taxCodeId: 'TAX' })) });
    w.edit('invoice', 'hubspot', 'i1', { comments: 'Edited in HubSpot' });
    const healed = w.plan();
    expect(healed.actions.some((a) => a.kind === 'fail')).toBe(false);
    expect(writes(healed).flatMap((a) => a.fields)).toEqual(expect.arrayContaining(['lines', 'comments']));
    w.sync();
    expect(w.get('invoice', 'quickbooks', qid)?.lines.map((l) => l.taxCodeId)).toEqual([null]);
    expect(writes(w.plan())).toEqual([]);
  });

  it('R-EDT-2: an invoice created in QBO is edited freely in QBO and the edits reach HubSpot', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('quickbooks', 'customer', 'q1', customer({ displayName: 'AE' })));
    w.put(sideRecord('quickbooks', 'invoice', 'qi', invoice({ customerId: 'q1', source: 'quickbooks' })));
    w.sync();
    const hid = w.linkOf('invoice', 'quickbooks', 'qi')!.hubspotId!;
    expect(w.get('invoice', 'hubspot', hid)?.source).toBe('integration');
    w.edit('invoice', 'quickbooks', 'qi', { lines: [line('USD', { quantity: '7' })], total: '350.00' });
    w.sync();
    expect(w.get('invoice', 'hubspot', hid)?.lines[0]?.quantity).toBe('7');
  });

  it('R-ERR-4 / R-OBJ-5: a void in QBO (which zeroes amounts) voids the HubSpot invoice and is not a line edit', () => {
    const { w, qid } = syncedHubspotInvoice();
    const before = w.get('invoice', 'quickbooks', qid)!;
    const hubspotLines = w.get('invoice', 'hubspot', 'i1')!.lines;
    const zeroed = before.lines.map((l) => ({ ...l, quantity: '0', amount: '0.00' }));
    w.edit('invoice', 'quickbooks', qid, { status: 'voided', lines: zeroed, total: '0.00', balance: '0.00' });
    const plan = w.plan();
    expect(plan.actions.filter((a) => a.kind === 'fail')).toEqual([]);
    w.sync();
    const hubspot = w.get('invoice', 'hubspot', 'i1')!;
    expect(hubspot.status).toBe('voided');
    expect(hubspot.lines).toEqual(hubspotLines);
    expect(hubspot.total).toBe(before.total);
    const again = w.plan();
    expect(again.actions.filter((a) => a.kind === 'fail')).toEqual([]);
    expect(writes(again)).toEqual([]);
  });

  it('R-ERR-4 / R-OBJ-5: a HubSpot void mirrored to QBO and read back zeroed is not a line edit', () => {
    const { w, qid } = syncedHubspotInvoice();
    w.edit('invoice', 'hubspot', 'i1', { status: 'voided' });
    w.sync();
    expect(w.get('invoice', 'quickbooks', qid)?.status).toBe('voided');
    const q = w.get('invoice', 'quickbooks', qid)!;
    w.edit('invoice', 'quickbooks', qid, {
      lines: q.lines.map((l) => ({ ...l, quantity: '0', amount: '0.00' })),
      total: '0.00',
      balance: '0.00',
    });
    const plan = w.plan();
    expect(plan.actions.filter((a) => a.kind === 'fail')).toEqual([]);
    expect(writes(plan)).toEqual([]);
  });
});

describe('a payment of a HubSpot invoice deleted in QBO (R-EDT-1)', () => {
  /** A HubSpot invoice paid in HubSpot; the payment synced to QBO; both invoices read paid. */
  function paidInHubSpot() {
    const { w, qid } = syncedHubspotInvoice();
    const total = w.get('invoice', 'hubspot', 'i1')!.total;
    w.put(
      sideRecord(
        'hubspot',
        'payment',
        'hp',
        payment({ amount: total, appliedTo: [{ invoiceId: 'i1', amount: total }] }),
      ),
    );
    w.sync();
    const qp = w.linkOf('payment', 'hubspot', 'hp')!.quickbooksId!;
    w.edit('invoice', 'hubspot', 'i1', { status: 'paid', balance: '0.00' });
    w.edit('invoice', 'quickbooks', qid, { status: 'paid', balance: '0.00' });
    w.sync();
    return { w, qid, qp, total };
  }

  function deleteInQuickBooks(w: SyncWorld, qid: string, qp: string, total: string) {
    w.put({ ...w.records.get(`payment|quickbooks|${qp}`)!, deleted: true });
    w.edit('invoice', 'quickbooks', qid, { status: 'open', balance: total });
  }

  it('is not copied back: HubSpot’s payment is neither marked nor touched; the payment and its invoice fail with R-ERR-4 naming it', () => {
    const { w, qid, qp, total } = paidInHubSpot();
    deleteInQuickBooks(w, qid, qp, total);
    const plan = w.plan();
    expect(writes(plan)).toEqual([]);
    const fails = plan.actions.filter((a) => a.kind === 'fail');
    expect(fails.map((a) => [a.object, a.kind === 'fail' && a.error.code])).toEqual(
      expect.arrayContaining([
        ['invoice', 'hubspot_native_edited_in_quickbooks'],
        ['payment', 'hubspot_native_edited_in_quickbooks'],
      ]),
    );
    expect(fails.every((a) => a.kind === 'fail' && /payments \(one was deleted/.test(a.error.message))).toBe(
      true,
    );
    w.sync();
    expect(w.linkOf('payment', 'hubspot', 'hp')).toMatchObject({
      state: 'counterpart_deleted',
      deletedOn: 'quickbooks',
    });
    expect(w.get('payment', 'hubspot', 'hp')).toBeDefined();
    expect(w.get('invoice', 'hubspot', 'i1')?.status).toBe('paid');
  });

  it('heals when the payment is recorded again in QBO: the new QBO payment takes the link and nothing is created in HubSpot', () => {
    const { w, qid, qp, total } = paidInHubSpot();
    deleteInQuickBooks(w, qid, qp, total);
    w.sync();
    w.put(sideRecord('quickbooks', 'payment', 'again', w.get('payment', 'quickbooks', qp)!));
    w.edit('invoice', 'quickbooks', qid, { status: 'paid', balance: '0.00' });
    const plan = w.plan();
    expect(plan.actions.filter((a) => a.kind === 'fail')).toEqual([]);
    expect(writes(plan).filter((a) => a.side === 'hubspot')).toEqual([]);
    w.sync();
    expect(w.linkOf('payment', 'hubspot', 'hp')).toMatchObject({ quickbooksId: 'again', state: 'active' });
    expect(
      [...w.records.values()].filter((r) => r.object === 'payment' && r.side === 'hubspot'),
    ).toHaveLength(1);
    expect(writes(w.plan())).toEqual([]);
  });

  it('heals when HubSpot’s payment is edited: it is sent to QBO again', () => {
    const { w, qid, qp, total } = paidInHubSpot();
    deleteInQuickBooks(w, qid, qp, total);
    w.sync();
    w.edit('payment', 'hubspot', 'hp', { reference: 'REF-2' });
    const plan = w.plan();
    const create = writes(plan).find((a) => a.object === 'payment');
    expect(create).toMatchObject({ side: 'quickbooks', command: { kind: 'create' } });
    w.sync();
    const again = w.linkOf('payment', 'hubspot', 'hp')!;
    expect(again).toMatchObject({ state: 'active' });
    expect(again.quickbooksId).not.toBe(qp);
    expect(w.get('payment', 'quickbooks', again.quickbooksId!)).toMatchObject({ reference: 'REF-2' });
  });
});
