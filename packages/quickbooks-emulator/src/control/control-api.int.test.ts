import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createQuickBooksEmulator } from '../create-emulator.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

describe('control API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('gets a working realm and token in two calls', async () => {
    const realm = await h.control('POST', '/realms', { companyName: 'Two Calls', country: 'GB' });
    const token = await h.control('POST', '/tokens', { realmId: realm.body.realmId });
    expect(token.body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    const res = await fetch(
      `${h.baseUrl}/v3/company/${realm.body.realmId}/companyinfo/${realm.body.realmId}`,
      {
        headers: { authorization: `Bearer ${token.body.access_token}` },
      },
    );
    expect(((await res.json()) as { CompanyInfo: { Country: string } }).CompanyInfo.Country).toBe('GB');
  });

  it('seeds data through the real rules', async () => {
    const res = await h.control('POST', `/realms/${h.realmId}/seed`, {
      Customer: [{ DisplayName: 'Seeded' }],
      Item: [{ Name: 'Seeded Item', IncomeAccountRef: { value: '1' } }],
    });
    expect(res.body.Customer[0].DisplayName).toBe('Seeded');
    const dup = await h.control('POST', `/realms/${h.realmId}/seed`, {
      Customer: [{ DisplayName: 'Seeded' }],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.Fault.Error[0].code).toBe('6240');
  });

  it('advances the clock (MetaData and token expiry follow it)', async () => {
    const before = Date.parse((await h.control('GET', '/clock')).body.now);
    const after = Date.parse((await h.control('POST', '/clock/advance', { ms: 3_600_000 })).body.now);
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
    expect((await h.api('GET', '/preferences')).status).toBe(401);
  });

  it('injects faults for the next N matching requests: status, Fault, delay, dropped connection', async () => {
    const token = (await h.control('POST', '/tokens', { realmId: h.realmId })).body.access_token;
    const get = () =>
      fetch(`${h.baseUrl}/v3/company/${h.realmId}/preferences`, {
        headers: { authorization: `Bearer ${token}` },
      });
    await h.control('POST', '/faults', { path: '/preferences', count: 2, status: 503 });
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);
    const fault = {
      Error: [{ Message: 'Object Not Found', Detail: 'x', code: '610' }],
      type: 'ValidationFault',
    };
    await h.control('POST', '/faults', { path: '/preferences', status: 400, fault });
    const faulted = await get();
    expect(((await faulted.json()) as { Fault: unknown }).Fault).toEqual(fault);
    await h.control('POST', '/faults', { path: '/preferences', status: 429 });
    const throttled = (await (await get()).json()) as { fault: { error: Array<{ code: string }> } };
    expect(throttled.fault.error[0]?.code).toBe('3001');
    await h.control('POST', '/faults', { path: '/preferences', drop: true });
    await expect(get()).rejects.toThrow();
    await h.control('POST', '/faults', { path: '/preferences', delayMs: 30 });
    expect((await get()).status).toBe(200);
  });

  it('keeps a request log and per-endpoint counts', async () => {
    await h.control('DELETE', '/requests');
    const token = (await h.control('POST', '/tokens', { realmId: h.realmId })).body.access_token;
    for (const id of ['1', '2']) {
      await fetch(`${h.baseUrl}/v3/company/${h.realmId}/customer/${id}?minorversion=75`, {
        headers: { authorization: `Bearer ${token}` },
      });
    }
    const counts = (await h.control('GET', '/requests/counts')).body.counts;
    expect(counts['GET /v3/company/:realmId/customer/:id']).toBe(2);
    const log = (await h.control('GET', '/requests')).body.requests;
    expect(log[0]).toMatchObject({ method: 'GET', realmId: h.realmId, status: 200 });
  });

  it('reset forgets realms and tokens', async () => {
    const h2 = await startHarness();
    await h2.control('POST', '/reset');
    expect((await h2.control('GET', '/realms')).body.realms).toEqual([]);
    expect((await h2.api('GET', '/preferences')).status).toBe(401);
    await h2.close();
  });

  it('can be turned off', async () => {
    const app = createQuickBooksEmulator({ controlApi: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${url}/_emulator/realms`, { method: 'POST' })).status).toBe(404);
    await app.close();
  });
});

describe('rate limits', () => {
  it('returns 429 with the gateway body past the per-minute limit, per realm, and resets after a minute', async () => {
    const h = await startHarness({ rateLimits: { perMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await h.api('GET', '/preferences')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const body = (await h.api('GET', '/preferences')).body;
    expect(body.fault).toMatchObject({ type: 'SERVICE', error: [{ code: '3001' }] });
    expect(body.fault.error[0].message).toBe('message=ThrottleExceeded; errorCode=003001; statusCode=429');
    h.app.control.clock.advance(61_000);
    const token = (await h.control('POST', '/tokens', { realmId: h.realmId })).body.access_token;
    const res = await fetch(`${h.baseUrl}/v3/company/${h.realmId}/preferences`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await h.close();
  });

  it('limits batch requests per minute and concurrent requests', async () => {
    const h = await startHarness({ rateLimits: { batchPerMinute: 1, concurrent: 1 } });
    const batch = { BatchItemRequest: [{ bId: '1', Query: 'select * from Item' }] };
    expect((await h.api('POST', '/batch', batch)).status).toBe(200);
    expect((await h.api('POST', '/batch', batch)).status).toBe(429);
    await h.control('POST', '/faults', { path: '/preferences', delayMs: 200 });
    const [a, b] = await Promise.all([
      h.api('GET', '/preferences'),
      new Promise((r) => setTimeout(r, 50)).then(() => h.api('GET', '/companyinfo/1')),
    ]);
    expect([a.status, b.status]).toEqual([200, 429]);
    // A dropped connection must give its concurrency slot back.
    await h.control('POST', '/faults', { path: '/preferences', drop: true });
    await expect(h.api('GET', '/preferences')).rejects.toThrow();
    expect((await h.api('GET', '/preferences')).status).toBe(200);
    await h.close();
  });
});
