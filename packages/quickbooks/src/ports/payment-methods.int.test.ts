import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CanonicalPayment, idempotencyKey, type WriteCommand } from '@ledgersync/sync-engine';
import { QboQuery } from '../query/query-builder.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { makeInvoice } from '../testing/qbo-fixtures.ts';
import { createQuickBooksSideReader } from './quickbooks-side-reader.ts';
import { createQuickBooksSideWriter } from './quickbooks-side-writer.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

let n = 0;
const key = () => idempotencyKey('portal-pm', 'payment', 'hubspot', `pm-${n++}`, 1);

describe('QBO payment methods (R-OBJ-4)', () => {
  it('writes the method as a PaymentMethodRef, finding or creating the method once per batch, and reads it back', async () => {
    const qbo = await emu.newClient();
    const { invoice, customer } = await makeInvoice(qbo); // 20.20 USD
    const writer = createQuickBooksSideWriter(qbo);
    const reader = createQuickBooksSideReader(qbo);
    const payment = (method: string | null): CanonicalPayment => ({
      amount: '1.01',
      currency: 'USD',
      date: '2026-03-05',
      method,
      reference: null,
      customerId: customer.Id,
      appliedTo: [{ invoiceId: invoice.Id, amount: '1.01' }],
    });
    const create = (method: string | null): WriteCommand => ({
      kind: 'create',
      object: 'payment',
      idempotencyKey: key(),
      counterpartId: `h-${n}`,
      record: payment(method),
    });
    const results = await writer.writeBatch([
      create('check'),
      create('ach'),
      create('ach'),
      create('card'),
      create(null),
    ]);
    expect(results.map((r) => (r.ok ? r.record : r.error))).toEqual([
      expect.objectContaining({ method: 'check' }),
      expect.objectContaining({ method: 'ach' }),
      expect.objectContaining({ method: 'ach' }),
      expect.objectContaining({ method: 'card' }),
      expect.objectContaining({ method: null }),
    ]);
    const methods = [];
    for await (const m of qbo.queryAll(QboQuery.select('PaymentMethod'))) methods.push(m.Name);
    // QBO's own Check is used; ACH and Credit Card are created once each, however many payments use them.
    expect(methods.filter((m) => m === 'Check' || m === 'ACH' || m === 'Credit Card').sort()).toEqual([
      'ACH',
      'Check',
      'Credit Card',
    ]);
    const ids = results.map((r) => (r.ok ? r.id : ''));
    const raw = await qbo.read('Payment', ids[0] ?? '');
    expect(raw.PaymentMethodRef?.name).toBe('Check');

    // A payment entered in QBO with one of its card methods reads as a card.
    const visa = methods.includes('Visa');
    expect(visa).toBe(true);
    const first = results[0];
    if (!first?.ok) throw new Error('create failed');
    const visaId = (await qbo.queryPage(QboQuery.select('PaymentMethod').where('Name', '=', 'Visa'), 1, 1))
      .entities[0]?.Id;
    await qbo.sparseUpdate(
      'Payment',
      { Id: first.id, SyncToken: first.version, PaymentMethodRef: { value: visaId, name: 'Visa' } },
      'pm-visa',
    );
    const read = await reader.readByIds('payment', [first.id]);
    expect(read.ok && read.value.records[0]?.record).toMatchObject({ method: 'card' });

    // A second batch finds what the first created: no new methods.
    await writer.writeBatch([create('ach')]);
    const again = [];
    for await (const m of qbo.queryAll(QboQuery.select('PaymentMethod'))) again.push(m.Name);
    expect(again.length).toBe(methods.length);
  });
});
