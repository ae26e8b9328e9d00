import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe('batch endpoints', () => {
  it('creates (201), reads with 207 for missing ids, updates and archives', async () => {
    const { client } = await emu.portalWithClient();
    const batch = client.crm.objects.batchApi;
    const created = await batch.create('products', {
      inputs: [
        { properties: { name: 'A' }, associations: [] },
        { properties: { name: 'B' }, associations: [] },
      ],
    });
    expect(created.status).toBe('COMPLETE');
    const ids = created.results.map((r) => r.id);
    const read = await batch.read('products', {
      inputs: [...ids.map((id) => ({ id })), { id: '999' }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(read.results).toHaveLength(2);
    expect(read).toMatchObject({
      numErrors: 1,
      errors: [{ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }],
    });
    const updated = await batch.update('products', {
      inputs: ids.map((id) => ({ id, properties: { description: 'd' } })),
    });
    expect(updated.results.every((r) => r.properties.description === 'd')).toBe(true);
    await batch.archive('products', { inputs: ids.map((id) => ({ id })) });
    const page = await client.crm.objects.basicApi.getPage('products');
    expect(page.results).toHaveLength(0);
  });

  it('fails the whole batch create without trace ids, and returns 207 with them', async () => {
    const { client } = await emu.portalWithClient();
    const batch = client.crm.objects.batchApi;
    const whole = await sdkError(
      batch.create('contacts', {
        inputs: [
          { properties: { email: 'ok@x.io' }, associations: [] },
          { properties: { bad: '1' }, associations: [] },
        ],
      }),
    );
    expect(whole.code).toBe(400);
    expect((await client.crm.objects.basicApi.getPage('contacts')).results).toHaveLength(0);
    const partial = await batch.create('contacts', {
      inputs: [
        { properties: { email: 'ok@x.io' }, associations: [], objectWriteTraceId: 't1' },
        { properties: { bad: '1' }, associations: [], objectWriteTraceId: 't2' },
      ],
    });
    expect(partial).toMatchObject({ numErrors: 1, errors: [{ context: { objectWriteTraceId: ['t2'] } }] });
    expect(partial.results).toHaveLength(1);
  });

  it('refuses more than 100 inputs', async () => {
    const { client } = await emu.portalWithClient();
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i) }));
    const err = await sdkError(
      client.crm.objects.batchApi.read('deals', { inputs, properties: [], propertiesWithHistory: [] }),
    );
    expect(err.code).toBe(400);
  });
});
