import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: { tenSecondly: 3, searchPerSecond: 1 } });
});
afterAll(() => emu.close());

/**
 * Runs `fn` with the SDK's retry waits skipped: each wait of 200 ms or more moves the emulator's
 * clock forward by that much instead, and is recorded.
 */
async function withFastTimers<T>(fn: () => Promise<T>): Promise<{ result: T; delays: number[] }> {
  const original = globalThis.setTimeout;
  const delays: number[] = [];
  const fast = ((cb: () => void, ms?: number) => {
    if (ms === undefined || ms < 200) return original(cb, ms);
    delays.push(ms);
    emu.app.emulator.state.clock.advance(ms);
    return original(cb, 0);
  }) as typeof setTimeout;
  globalThis.setTimeout = fast;
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return { result: await fn(), delays };
  } finally {
    globalThis.setTimeout = original;
    quiet.mockRestore();
  }
}

describe('rate limits', () => {
  it('sends X-HubSpot-RateLimit headers and a TEN_SECONDLY_ROLLING 429 past the window, per portal', async () => {
    const { accessToken } = await emu.portalWithClient();
    const other = await emu.portalWithClient();
    const get = (token: string) =>
      fetch(`${emu.url}/crm/v3/objects/contacts`, { headers: { authorization: `Bearer ${token}` } });
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++)
      remaining.push((await get(accessToken)).headers.get('x-hubspot-ratelimit-remaining'));
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await get(accessToken);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({
      status: 'error',
      policyName: 'TEN_SECONDLY_ROLLING',
      category: 'RATE_LIMITS',
    });
    expect((await get(other.accessToken)).status).toBe(200);
    await emu.post('/_emulator/clock/advance', { ms: 10_001 });
    const again = await get(accessToken);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-hubspot-ratelimit-max')).toBe('3');
  });

  it("is retried by the SDK's numberOfApiCallRetries: 10 s after our burst 429, 1 s after our search 429", async () => {
    const { accessToken } = await emu.portalWithClient();
    const client = new Client({ accessToken, basePath: emu.url, numberOfApiCallRetries: 3 });
    const burst = await withFastTimers(async () => {
      for (let i = 0; i < 4; i++) await client.crm.objects.basicApi.getPage('deals');
    });
    expect(burst.delays).toEqual([10_000]);
    const search = await withFastTimers(async () => {
      for (let i = 0; i < 3; i++)
        await client.crm.objects.searchApi.doSearch('deals', { limit: 1, after: '0' });
    });
    expect(search.delays).toEqual([1000, 1000]);
  });

  it('lets the SDK give up when retries are off', async () => {
    const { accessToken } = await emu.portalWithClient();
    await emu.post('/_emulator/faults', { path: '/crm/v3/objects/deals', count: 1, status: 502 });
    const client = new Client({ accessToken, basePath: emu.url });
    expect((await sdkError(client.crm.objects.basicApi.getPage('deals'))).code).toBe(502);
  });
});
