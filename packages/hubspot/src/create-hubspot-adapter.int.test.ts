import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotAdapter, ensureAppProperties, RateLimiterRegistry } from './index.ts';
import { startTestHubSpot, type TestHubSpot } from './testing/emulator.ts';
import { aProduct } from './testing/records.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

describe('createHubSpotAdapter (the public entry point)', () => {
  it('wires the ports for one portal: install properties, write, read back', async () => {
    const portal = await hs.newPortal();
    const rateLimiters = new RateLimiterRegistry({ now: hs.clock.now, sleep: hs.clock.sleep });
    const { client, reader, writer } = createHubSpotAdapter({
      basePath: hs.url,
      portalId: portal.portalId,
      accessToken: async () => portal.accessToken,
      rateLimiters,
      now: hs.clock.now,
      sleep: hs.clock.sleep,
    });
    await ensureAppProperties(client, ['products']);
    const [written] = await writer.writeBatch([
      {
        kind: 'create',
        object: 'product',
        idempotencyKey: 'k',
        counterpartId: '31',
        record: aProduct({ unitPrice: '0.10' }),
      },
    ]);
    if (!written?.ok) throw new Error(JSON.stringify(written));
    const read = await reader.readByIds('product', [written.id]);
    expect(read.ok && read.value.records[0]?.record).toMatchObject({
      name: 'Consulting hour',
      unitPrice: '0.1',
    });
    expect(rateLimiters.forPortal(portal.portalId).usedInWindow('standard')).toBeGreaterThan(0);
  });
});
