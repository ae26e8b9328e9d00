import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// The per-IP rate limit is only as good as the client address: a forged X-Forwarded-For must not
// buy a fresh budget, and behind a known proxy the address comes from the hop the proxy added.
describe('client address behind proxies (TRUST_PROXY)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  const installFrom = (
    app: Awaited<ReturnType<TestServer['extraApp']>>,
    remoteAddress: string,
    forwardedFor?: string,
  ) =>
    app.inject({
      method: 'GET',
      url: '/oauth/hubspot/install',
      remoteAddress,
      ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
    });

  it('trusts no proxy by default: a forged X-Forwarded-For does not reset the limit', async () => {
    const app = await t.extraApp({}, { rateLimitPerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 8; i++)
      codes.push((await installFrom(app, '198.51.100.9', `203.0.113.${i}`)).statusCode);
    expect(codes).toEqual([302, 302, 302, 429, 429, 429, 429, 429]);
  });

  it('with one trusted hop, the client is the address that hop forwarded, whatever the client put before it', async () => {
    const app = await t.extraApp({}, { rateLimitPerMinute: 3, trustProxy: 1 });
    const proxy = '10.0.0.5';
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push((await installFrom(app, proxy, `forged-${i}, 203.0.113.7`)).statusCode);
    expect(codes).toEqual([302, 302, 302, 429, 429]);
    // Another client behind the same proxy has its own budget.
    expect((await installFrom(app, proxy, '203.0.113.8')).statusCode).toBe(302);
  });

  it('with trusted addresses, only those peers may forward an address', async () => {
    const app = await t.extraApp({}, { rateLimitPerMinute: 3, trustProxy: ['10.0.0.0/8'] });
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await installFrom(app, '10.1.2.3', `203.0.113.${20 + i}`)).statusCode);
    expect(codes).toEqual([302, 302, 302, 302]);
    const direct = [];
    for (let i = 0; i < 4; i++)
      direct.push((await installFrom(app, '198.51.100.10', `203.0.113.${30 + i}`)).statusCode);
    expect(direct).toEqual([302, 302, 302, 429]);
  });
});
