import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: { searchPerSecond: 1000 } });
});
afterAll(() => emu.close());

describe('CRM search', () => {
  it('filters (groups OR, filters AND), sorts by one property, pages with a string after and counts total', async () => {
    const { client } = await emu.portalWithClient();
    for (const [name, price] of [
      ['alpha', '5'],
      ['beta', '15'],
      ['gamma', '25'],
      ['delta', '35'],
    ] as const) {
      await client.crm.objects.basicApi.create('products', { properties: { name, price } });
    }
    const res = await client.crm.objects.searchApi.doSearch('products', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'price', operator: FilterOperatorEnum.Gte, value: '10' },
            { propertyName: 'price', operator: FilterOperatorEnum.Lt, value: '30' },
          ],
        },
        { filters: [{ propertyName: 'name', operator: FilterOperatorEnum.Eq, value: 'ALPHA' }] },
      ],
      sorts: [{ propertyName: 'price', direction: 'DESCENDING' } as unknown as string],
      properties: ['name', 'price'],
      limit: 2,
      after: '0',
    });
    expect(res.total).toBe(3);
    expect(res.results.map((r) => r.properties.name)).toEqual(['gamma', 'beta']);
    expect(res.paging?.next?.after).toBe('2');
    const next = await client.crm.objects.searchApi.doSearch('products', {
      filterGroups: [
        { filters: [{ propertyName: 'name', operator: FilterOperatorEnum.In, values: ['alpha', 'delta'] }] },
      ],
      sorts: ['-price'],
      properties: ['name'],
      limit: 10,
      after: '0',
    });
    expect(next.results.map((r) => r.properties.name)).toEqual(['delta', 'alpha']);
    const tokens = await client.crm.objects.searchApi.doSearch('products', {
      filterGroups: [
        { filters: [{ propertyName: 'name', operator: FilterOperatorEnum.ContainsToken, value: 'gam*' }] },
      ],
      limit: 10,
      after: '0',
    });
    expect(tokens.total).toBe(1);
    const has = await client.crm.objects.searchApi.doSearch('products', {
      filterGroups: [{ filters: [{ propertyName: 'hs_sku', operator: FilterOperatorEnum.NotHasProperty }] }],
      limit: 10,
      after: '0',
    });
    expect(has.total).toBe(4);
  });

  it('finds records modified since a time given in epoch milliseconds, on the dated path too', async () => {
    const { client, accessToken } = await emu.portalWithClient();
    const before = Date.now() - 1000;
    const inv = await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    const since = (ms: number) =>
      client.crm.objects.searchApi.doSearch('invoices', {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(ms) },
            ],
          },
        ],
        limit: 10,
        after: '0',
      });
    expect((await since(before)).results.map((r) => r.id)).toEqual([inv.id]);
    expect((await since(Date.now() + 60_000)).total).toBe(0);
    const dated = await fetch(`${emu.url}/crm/objects/2026-03/invoices/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: inv.id }] }],
      }),
    });
    expect(((await dated.json()) as { total: number }).total).toBe(1);
  });

  it('refuses limit above 200 and paging past 10,000 results', async () => {
    const { client } = await emu.portalWithClient();
    const big = await sdkError(client.crm.objects.searchApi.doSearch('contacts', { limit: 201, after: '0' }));
    expect(big.code).toBe(400);
    const far = await sdkError(
      client.crm.objects.searchApi.doSearch('contacts', { limit: 100, after: '9950' }),
    );
    expect(far.code).toBe(400);
  });
});

describe('search per-second limit', () => {
  it("answers 429 with HubSpot's secondly message, which the SDK retries after a second", async () => {
    const limited = await startEmulator({ rateLimits: { searchPerSecond: 1 } });
    try {
      const { accessToken, portalId } = await limited.portalWithClient();
      void portalId;
      const call = () =>
        fetch(`${limited.url}/crm/v3/objects/contacts/search`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: '{}',
        });
      expect((await call()).status).toBe(200);
      const res = await call();
      expect(res.status).toBe(429);
      expect(await res.json()).toMatchObject({
        message: 'You have reached your secondly limit.',
        category: 'RATE_LIMITS',
      });
    } finally {
      await limited.close();
    }
  });
});
