import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { batchReadObjects, batchUpdateObjects, batchUpsertObjects } from './batch-objects.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

describe('batch objects against the emulator', () => {
  it('upserts 150 products in two chunks, replays the same keys without duplicates, reads and updates them', async () => {
    const portal = await hs.newPortal();
    const client = hs.client(portal);
    await ensureAppProperties(client, ['products']);
    const inputs = Array.from({ length: 150 }, (_, i) => ({
      key: `qbo-item-${i}`,
      properties: { name: `Widget ${i}`, price: '10.10' },
    }));
    const first = await batchUpsertObjects(client, 'products', 'ledgersync_qbo_id', inputs);
    expect(first.filter((r) => !r.ok).slice(0, 1)).toEqual([]);
    const ids = first.map((r) => (r.ok ? r.value.id : ''));
    expect(new Set(ids).size).toBe(150);

    const replay = await batchUpsertObjects(client, 'products', 'ledgersync_qbo_id', inputs);
    expect(replay.map((r) => (r.ok ? r.value.id : ''))).toEqual(ids);

    const read = await batchReadObjects(client, 'products', [...ids, '999999999'], ['name', 'price']);
    expect(read.found).toHaveLength(150);
    expect(read.missing).toEqual(['999999999']);

    const updated = await batchUpdateObjects(client, 'products', [
      { id: ids[0] ?? '', properties: { price: '0.30' } },
    ]);
    expect(updated[0]?.ok && updated[0].value.properties.price).toBe('0.30');
  });

  it('isolates a bad input: the other upserts in the batch still succeed', async () => {
    const client = hs.client(await hs.newPortal());
    await ensureAppProperties(client, ['products']);
    const inputs = ['1.50', 'not-a-price', '2.25', '3'].map((price, i) => ({
      key: `iso-${i}`,
      properties: { name: `P${i}`, price },
    }));
    const results = await batchUpsertObjects(client, 'products', 'ledgersync_qbo_id', inputs);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(results[1]?.ok === false && results[1].failure.status).toBe(400);
    expect(results[2]?.ok && results[2].value.properties.price).toBe('2.25');
  });
});
