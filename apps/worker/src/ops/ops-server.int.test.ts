import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Counter, Registry } from 'prom-client';
import { type OpsServer, startOpsServer } from './ops-server.ts';

const TOKEN = 'worker-metrics-token-for-tests';

describe("the worker's ops listener", () => {
  const registry = new Registry();
  new Counter({ name: 'ledgersync_test_total', help: 'a counter', registers: [registry] }).inc(3);
  let checks: Record<string, string> = { runner: 'ok', database: 'ok' };
  let open: OpsServer;
  let closed: OpsServer;
  let hanging: OpsServer;
  beforeAll(async () => {
    const base = { host: '127.0.0.1', port: 0, registry };
    open = await startOpsServer({ ...base, metricsToken: TOKEN, checks: async () => checks });
    closed = await startOpsServer({ ...base, metricsToken: undefined, checks: async () => checks });
    hanging = await startOpsServer({
      ...base,
      metricsToken: TOKEN,
      checks: () => new Promise(() => {}),
      checkTimeoutMs: 50,
    });
  });
  afterAll(async () => {
    await Promise.all([open.close(), closed.close(), hanging.close()]);
  });
  const get = (server: OpsServer, path: string, authorization?: string) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, authorization ? { headers: { authorization } } : {});

  it('/healthz: 200 when every check is ok, 503 naming the failed one, 503 when the checks hang', async () => {
    const ok = await get(open, '/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', checks: { runner: 'ok', database: 'ok' } });
    checks = { runner: 'ok', database: 'unreachable' };
    const down = await get(open, '/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      checks: { runner: 'ok', database: 'unreachable' },
    });
    checks = { runner: 'ok', database: 'ok' };
    const late = await get(hanging, '/healthz');
    expect(late.status).toBe(503);
    expect(await late.json()).toEqual({ status: 'unavailable', checks: { checks: 'timeout' } });
  });

  it('/metrics: Prometheus text to the bearer of the token only; refused when no token is configured', async () => {
    const scrape = await get(open, '/metrics', `Bearer ${TOKEN}`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    expect(await scrape.text()).toContain('ledgersync_test_total 3');
    const missing = await get(open, '/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await missing.json()).toMatchObject({ error: 'metrics_token_missing' });
    expect((await get(open, '/metrics', `Bearer ${TOKEN}x`)).status).toBe(401);
    const off = await get(closed, '/metrics', `Bearer ${TOKEN}`);
    expect(off.status).toBe(403);
    expect(await off.json()).toMatchObject({ error: 'metrics_disabled' });
  });

  it('serves nothing else', async () => {
    expect((await get(open, '/')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${open.port}/healthz`, { method: 'POST' })).status).toBe(404);
  });
});
