import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CanonicalInvoice, type CanonicalPayment, idempotencyKey } from '@ledgersync/sync-engine';
import { createQuickBooksAdapter } from '../quickbooks-adapter.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { makeInvoice } from '../testing/qbo-fixtures.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

const key = (n: string) => idempotencyKey('portal-1', 'payment', 'hubspot', n, 1);

describe('payments through the ports (R-OBJ-4, R-OBJ-5)', () => {
  it('a partial then a full payment move the invoice to partially paid, then paid; a void undoes it', async () => {
    const realmId = await emu.newRealm();
    const qbo = await emu.newClient({ realmId });
    const { invoice, customer } = await makeInvoice(qbo); // 20.20 USD
    const { access_token } = await emu.issueTokens(realmId);
    const adapter = createQuickBooksAdapter({
      baseUrl: emu.baseUrl,
      realmId,
      tokens: { accessToken: async () => access_token, refreshAfterRejection: async () => access_token },
    });
    const payment = (amount: string): CanonicalPayment => ({
      amount,
      currency: 'USD',
      date: '2026-03-05',
      method: null,
      reference: 'CHK-1',
      customerId: customer.Id,
      appliedTo: [{ invoiceId: invoice.Id, amount }],
    });
    const [first] = await adapter.writer.writeBatch([
      {
        kind: 'create',
        object: 'payment',
        idempotencyKey: key('p1'),
        record: payment('5.05'),
        counterpartId: 'h1',
      },
    ]);
    expect(first?.ok).toBe(true);
    if (!first?.ok) return;
    expect(first.record).toEqual(payment('5.05'));
    const afterFirst = await adapter.reader.readByIds('invoice', [invoice.Id]);
    const inv1 = afterFirst.ok ? (afterFirst.value.records[0]?.record as CanonicalInvoice) : null;
    expect([inv1?.status, inv1?.balance]).toEqual(['partially_paid', '15.15']);

    const [second] = await adapter.writer.writeBatch([
      {
        kind: 'create',
        object: 'payment',
        idempotencyKey: key('p2'),
        record: payment('15.15'),
        counterpartId: 'h2',
      },
    ]);
    expect(second?.ok).toBe(true);
    const afterSecond = await adapter.reader.readByIds('invoice', [invoice.Id]);
    const inv2 = afterSecond.ok ? (afterSecond.value.records[0]?.record as CanonicalInvoice) : null;
    expect([inv2?.status, inv2?.balance]).toEqual(['paid', '0.00']);

    if (!second?.ok) return;
    const [voided] = await adapter.writer.writeBatch([
      {
        kind: 'void',
        object: 'payment',
        idempotencyKey: key('v2'),
        id: second.id,
        expectedVersion: second.version,
      },
    ]);
    expect(voided?.ok && (voided.record as CanonicalPayment).amount).toBe('0.00');
    const afterVoid = await adapter.reader.readByIds('invoice', [invoice.Id]);
    const inv3 = afterVoid.ok ? (afterVoid.value.records[0]?.record as CanonicalInvoice) : null;
    expect([inv3?.status, inv3?.balance]).toEqual(['partially_paid', '15.15']);
  });
});
