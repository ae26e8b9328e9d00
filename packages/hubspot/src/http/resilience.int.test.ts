import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { batchReadObjects } from '../crm/batch-objects.ts';
import { searchPage } from '../crm/search-objects.ts';
import { createHubSpotSideReader } from '../ports/hubspot-side-reader.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import type { HubSpotFailure } from './hubspot-failure.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot({ rateLimits: { tenSecondly: 10, searchPerSecond: 2 } });
});
afterAll(() => hs.close());

async function portalClient(extra: Parameters<TestHubSpot['client']>[1] = {}) {
  const failures: HubSpotFailure[] = [];
  const client = hs.client(await hs.newPortal(), { onFailure: (f) => failures.push(f), ...extra });
  return { client, failures };
}

const read = (client: Awaited<ReturnType<typeof portalClient>>['client']) =>
  batchReadObjects(client, 'products', ['1'], ['name']);

describe('rate limits, 429s and faults against the emulator', () => {
  it('learns the 10-second budget from the headers and then never draws a 429', async () => {
    const { client, failures } = await portalClient();
    for (let i = 0; i < 35; i++) await read(client);
    expect(failures).toEqual([]);
  });

  it('rides out a 429 storm from a burst no budget was known for: every call succeeds', async () => {
    const { client, failures } = await portalClient();
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => read(client)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(failures.some((f) => f.status === 429)).toBe(true);
  });

  it('keeps search inside its own per-second budget', async () => {
    const { client, failures } = await portalClient({ searchPerSecond: 2 });
    const filters = [{ propertyName: 'name', operator: 'HAS_PROPERTY' as const }];
    const pages = await Promise.all(
      Array.from({ length: 8 }, () => searchPage(client, 'products', filters, ['name'], null)),
    );
    expect(pages).toHaveLength(8);
    expect(failures).toEqual([]);
  });

  it('retries 5xx, dropped connections and slow answers, then succeeds', async () => {
    const { client, failures } = await portalClient();
    await hs.control('/_emulator/faults', { path: '/batch/read', status: 503, count: 2 });
    await hs.control('/_emulator/faults', { path: '/batch/read', drop: true, count: 1 });
    await hs.control('/_emulator/faults', { path: '/batch/read', delayMs: 150, count: 1 });
    await expect(read(client)).resolves.toEqual({ found: [], missing: ['1'] });
    expect(failures.map((f) => f.status)).toEqual([503, 503, null]);
  });

  it('gives up after the bounded attempts and reports a retryable remote_unavailable', async () => {
    const { client } = await portalClient({ retry: { maxAttempts: 3 } });
    await hs.control('/_emulator/faults', { path: '/batch/read', status: 500, count: 3 });
    const reader = createHubSpotSideReader({ client, now: hs.clock.now });
    const result = await reader.readByIds('product', ['1']);
    expect(result).toMatchObject({ ok: false, error: { code: 'remote_unavailable', retryable: true } });
    await expect(reader.readByIds('product', ['1'])).resolves.toMatchObject({ ok: true });
  });

  it('abandons a stalled call at its timeout and retries it: the drain is not held for the stall', async () => {
    const { client, failures } = await portalClient({ retry: { timeoutMs: 750 } });
    await hs.control('/_emulator/faults', { path: '/batch/read', delayMs: 4_000, count: 1 });
    await expect(read(client)).resolves.toEqual({ found: [], missing: ['1'] });
    expect(failures.map((f) => [f.status, f.networkCode])).toEqual([[null, 'ETIMEDOUT']]);
  });

  it('a call that stalls on every attempt fails as a retryable remote_unavailable', async () => {
    const { client } = await portalClient({ retry: { timeoutMs: 750, maxAttempts: 2 } });
    await hs.control('/_emulator/faults', { path: '/batch/read', delayMs: 4_000, count: 2 });
    const reader = createHubSpotSideReader({ client, now: hs.clock.now });
    await expect(reader.readByIds('product', ['1'])).resolves.toMatchObject({
      ok: false,
      error: { code: 'remote_unavailable', retryable: true, message: expect.stringContaining('ETIMEDOUT') },
    });
  });

  it('tells its observer how every request ended, retries included', async () => {
    const outcomes: unknown[] = [];
    const { client } = await portalClient({ onApiCall: (outcome) => outcomes.push(outcome) });
    await hs.control('/_emulator/faults', { path: '/batch/read', status: 503, count: 1 });
    await hs.control('/_emulator/faults', { path: '/batch/read', status: 429, count: 1 });
    await read(client);
    expect(outcomes).toEqual([503, 429, 'ok']);
  });

  it('does not wait out a daily limit: it fails as rate_limited', async () => {
    const { client } = await portalClient();
    const body = {
      status: 'error',
      message: 'You have reached your daily limit.',
      policyName: 'DAILY',
      category: 'RATE_LIMITS',
    };
    await hs.control('/_emulator/faults', { path: '/batch/read', status: 429, body, count: 1 });
    const reader = createHubSpotSideReader({ client, now: hs.clock.now });
    await expect(reader.readByIds('product', ['1'])).resolves.toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
  });
});
