import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { batchCreateObjects } from './batch-objects.ts';
import { searchAll } from './search-objects.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot({ rateLimits: false });
});
afterAll(() => hs.close());

describe('search paging', () => {
  it('walks past the 10,000-result cap by narrowing on hs_object_id, returning every match once', async () => {
    const client = hs.client(await hs.newPortal());
    // 10,050 matches and 30 records the filter must leave out.
    const inputs = Array.from({ length: 10_080 }, (_, i) => ({
      name: `P${i}`,
      description: i < 30 ? 'other' : 'match',
    }));
    expect(await batchCreateObjects(client, 'products', inputs)).toHaveLength(10_080);
    const filters = [{ propertyName: 'description', operator: 'EQ' as const, value: 'match' }];
    const all = await searchAll(client, 'products', filters, ['name', 'description']);
    expect(all).toHaveLength(10_050);
    expect(new Set(all.map((p) => p.id)).size).toBe(10_050);
    expect(all.every((p) => p.properties.description === 'match')).toBe(true);
  });
});
