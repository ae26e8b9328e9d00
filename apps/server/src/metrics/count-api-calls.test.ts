import { describe, expect, it } from '@jest/globals';
import { countApiCalls } from './count-api-calls.ts';
import { createServerMetrics } from './server-metrics.ts';

describe('countApiCalls', () => {
  it('counts successes, rate limits and other failures by side, and leaves sync methods alone', async () => {
    const metrics = createServerMetrics();
    const limited = Object.assign(new Error('slow down'), { status: 429 });
    const gateway = countApiCalls(
      {
        ok: async () => 1,
        limited: async () => Promise.reject(limited),
        broken: async () => Promise.reject({ failure: { status: 503 } }),
        url: (s: string) => `u:${s}`,
      },
      'hubspot',
      metrics,
    );
    expect(await gateway.ok()).toBe(1);
    await expect(gateway.limited()).rejects.toBe(limited);
    await expect(gateway.broken()).rejects.toEqual({ failure: { status: 503 } });
    expect(gateway.url('x')).toBe('u:x');
    const text = await metrics.registry.metrics();
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="ok"} 1');
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="429"} 1');
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="503"} 1');
  });
});
