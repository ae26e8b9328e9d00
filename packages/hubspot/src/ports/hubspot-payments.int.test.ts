import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { aPayment } from '../testing/records.ts';
import { createHubSpotSideReader } from './hubspot-side-reader.ts';
import { createHubSpotSideWriter } from './hubspot-side-writer.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

describe('HubSpot commerce payments', () => {
  it('writes the payment method as hs_payment_method_type, folding free text onto its options', async () => {
    const portal = await hs.newPortal();
    const client = hs.client(portal);
    await ensureAppProperties(client);
    const writer = createHubSpotSideWriter({ client, now: hs.clock.now });
    const reader = createHubSpotSideReader({ client, now: hs.clock.now });
    const results = await writer.writeBatch(
      (['Visa', 'check', 'Barter', null] as const).map((method, i) => ({
        kind: 'create' as const,
        object: 'payment' as const,
        idempotencyKey: `pay-${i}`,
        counterpartId: `q-${i}`,
        record: aPayment({ amount: '12.34', method, reference: `R-${i}` }),
      })),
    );
    expect(results.map((r) => (r.ok ? r.record : r.error))).toEqual([
      expect.objectContaining({ amount: '12.34', method: 'card', reference: 'R-0', date: '2026-03-05' }),
      expect.objectContaining({ method: 'check' }),
      expect.objectContaining({ method: 'other' }),
      expect.objectContaining({ method: null }),
    ]);
    const first = results[0];
    if (!first?.ok) throw new Error('create failed');

    const update = await writer.writeBatch([
      {
        kind: 'update',
        object: 'payment',
        idempotencyKey: 'pay-u',
        id: first.id,
        expectedVersion: first.version,
        changes: { method: 'Wire transfer' },
        record: aPayment({ amount: '12.34', method: 'Wire transfer', reference: 'R-0' }),
      },
    ]);
    expect(update[0]?.ok).toBe(true);
    const read = await reader.readByIds('payment', [first.id]);
    expect(read.ok && read.value.records[0]?.record.method).toBe('wire_transfer');
  });
});
