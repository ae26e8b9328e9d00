import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe('merging records (POST /crm/v3/objects/{objectType}/merge)', () => {
  it('keeps the primary, fills its blanks, lists the merged id; reads of the merged id answer with the primary', async () => {
    const { client } = await emu.portalWithClient();
    const primary = await client.crm.objects.basicApi.create('contacts', {
      properties: { email: 'keep@example.com', firstname: 'Keep' },
      associations: [],
    });
    const merged = await client.crm.objects.basicApi.create('contacts', {
      properties: { email: 'drop@example.com', firstname: 'Drop', phone: '555-0100' },
      associations: [],
    });
    // The SDK's discovery layer has no merge API; its raw request goes through the same client.
    const response = await client.apiRequest({
      method: 'POST',
      path: '/crm/v3/objects/contacts/merge',
      body: { primaryObjectId: primary.id, objectIdToMerge: merged.id },
    });
    const result = (await response.json()) as { id: string; properties: Record<string, string | null> };
    expect(result.id).toBe(primary.id);
    expect(result.properties).toMatchObject({
      email: 'keep@example.com',
      firstname: 'Keep',
      phone: '555-0100',
      hs_merged_object_ids: merged.id,
    });

    const byOldId = await client.crm.objects.basicApi.getById('contacts', merged.id, ['email']);
    expect(byOldId.id).toBe(primary.id);
    const batch = await client.crm.objects.batchApi.read('contacts', {
      inputs: [{ id: merged.id }],
      properties: ['email', 'hs_merged_object_ids'],
      propertiesWithHistory: [],
    });
    expect(batch.results.map((r) => [r.id, r.properties.hs_merged_object_ids])).toEqual([
      [primary.id, merged.id],
    ]);
    const list = await client.crm.objects.basicApi.getPage('contacts', 10);
    expect(list.results.map((r) => r.id)).toEqual([primary.id]);
  });
});
