import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, TEST_CONFIG, type TestServer } from '../../testing/test-server.ts';

describe('operations routes', () => {
  let t: TestServer;
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    t = await startTestServer({ logger: { level: 'info', stream } });
  });
  afterAll(async () => t.close());

  it('reports the process alive and the database and queue ready', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', checks: { process: 'ok' } });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' } });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'No route for GET /nope' });
  });

  it('exposes Prometheus metrics, database gauges included, to the bearer of the metrics token', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TEST_CONFIG.metricsToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /ledgersync_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(res.body).toContain('ledgersync_notices_pending 0');
    expect(res.body).toContain('ledgersync_jobs_queued 0');
    expect(res.body).toContain('ledgersync_webhook_events_total');
    expect(res.body).toContain('ledgersync_api_calls_total');
  });

  it('refuses /metrics without the token, with a wrong one, and when no token is configured', async () => {
    const without = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(without.statusCode).toBe(401);
    expect(without.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(without.json().error).toBe('metrics_token_missing');
    expect(without.body).not.toContain('ledgersync_');
    for (const authorization of [
      `Bearer ${TEST_CONFIG.metricsToken}x`,
      `Bearer ${TEST_CONFIG.metricsToken?.slice(0, -1)}`,
      `Basic ${TEST_CONFIG.metricsToken}`,
    ]) {
      const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization } });
      expect({ authorization, status: wrong.statusCode }).toEqual({ authorization, status: 401 });
    }
    const unconfigured = await t.extraApp({}, { metricsToken: undefined });
    const off = await unconfigured.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TEST_CONFIG.metricsToken}` },
    });
    expect(off.statusCode).toBe(403);
    expect(off.json().error).toBe('metrics_disabled');
  });

  it('keeps OAuth codes, states and signatures out of the logs', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/oauth/hubspot/callback?code=SECRET-CODE-123&state=SECRET-STATE-456',
      headers: { 'x-hubspot-signature-v3': 'SECRET-SIG-789', authorization: 'Bearer SECRET-TOKEN' },
    });
    const text = logLines.join('');
    expect(text).toContain('/oauth/hubspot/callback');
    for (const secret of ['SECRET-CODE-123', 'SECRET-STATE-456', 'SECRET-SIG-789', 'SECRET-TOKEN']) {
      expect(text).not.toContain(secret);
    }
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const expected = [
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
      'POST /webhooks/hubspot',
      'POST /webhooks/quickbooks',
      'GET /oauth/hubspot/install',
      'GET /oauth/hubspot/callback',
      'GET /oauth/quickbooks/connect',
      'GET /oauth/quickbooks/callback',
      'GET /api/v1/invoices/{invoiceId}/card',
      'POST /api/v1/invoices/{invoiceId}/resync',
      'GET /api/v1/settings',
      'PUT /api/v1/settings/objects/{object}',
      'PUT /api/v1/settings/objects/{object}/fields',
      'GET /api/v1/settings/field-catalogue',
      'POST /api/v1/settings/custom-mappings',
      'PUT /api/v1/settings/custom-mappings/{mappingId}',
      'DELETE /api/v1/settings/custom-mappings/{mappingId}',
      'PUT /api/v1/settings/inbound-filters',
      'POST /api/v1/settings/inbound-filters/recommended',
      'PUT /api/v1/settings/objects/{object}/filters',
      'POST /api/v1/settings/objects/customer/filters/recommended',
      'GET /api/v1/settings/quickbooks-customers',
      'GET /api/v1/first-syncs/estimate',
      'POST /api/v1/first-syncs',
      'GET /api/v1/first-syncs',
      'POST /api/v1/first-syncs/{syncRunId}/cancel',
      'GET /api/v1/settings/income-accounts',
      'PUT /api/v1/settings/custom-line-item-account',
      'GET /api/v1/settings/recommendations',
      'GET /api/v1/settings/tax-codes',
      'PUT /api/v1/settings/tax-mapping',
      'DELETE /api/v1/settings/tax-mapping',
      'POST /api/v1/connections/quickbooks',
      'DELETE /api/v1/connections/quickbooks',
      'POST /api/v1/app/uninstall',
      'GET /api/v1/overview',
      'GET /api/v1/records',
      'GET /api/v1/records/{recordId}/activity',
      'POST /api/v1/backfills',
      'GET /api/v1/backfills',
      'GET /api/v1/backfills/{backfillId}',
      'GET /api/v1/exports/historical-invoices.csv',
      'POST /api/v1/exports/historical-invoices/link',
      'GET /exports/{hubId}/historical-invoices.csv',
    ];
    expect(documented.sort()).toEqual(expect.arrayContaining(expected));
    expect(documented.filter((d) => !d.includes('/docs')).length).toBe(expected.length);
  });

  it('serves the API docs UI offline, from its own files, under its own content security policy', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger-ui-bundle.js');
    // Offline: every script and stylesheet comes from this server, none from a CDN.
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.filter((a) => /^(https?:)?\/\//.test(a))).toEqual([]);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const bundle = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    expect(bundle.body.length).toBeGreaterThan(100_000);
    const init = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.body).toContain('json');
    // No call-out to the public validator either.
    expect(init.body).toContain('"validatorUrl":null');
    // The static route serves the UI's own directory and nothing above it.
    for (const url of [
      '/docs/static/../package.json',
      '/docs/static/%2e%2e/package.json',
      '/docs/../../package.json',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect({ url, leaked: res.body.includes('"name"') }).toEqual({ url, leaked: false });
    }
    const yaml = await t.app.inject({ method: 'GET', url: '/docs/yaml' });
    expect(yaml.body).toContain('/api/v1/settings/tax-mapping:');
  });

  it('limits the public endpoints per IP, the UI API per portal, and never the probes', async () => {
    const app = await t.extraApp({}, { rateLimitPerMinute: 3 });
    const hit = () => app.inject({ method: 'GET', url: '/oauth/hubspot/install' });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await hit()).statusCode);
    expect(codes).toEqual([302, 302, 302, 429]);
    expect((await hit()).json()).toMatchObject({ error: 'rate_limited' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const a = await t.portal();
    const b = await t.portal();
    const aCodes = [];
    for (let i = 0; i < 4; i++) aCodes.push((await t.signed(app, a, 'GET', '/api/v1/overview')).statusCode);
    expect(aCodes).toEqual([200, 200, 200, 429]);
    expect((await t.signed(app, b, 'GET', '/api/v1/overview')).statusCode).toBe(200);
    // Unsigned requests naming portal B are refused before they can spend its budget.
    for (let i = 0; i < 4; i++) {
      expect(
        (await app.inject({ method: 'GET', url: `/api/v1/overview?portalId=${b.hubId}` })).statusCode,
      ).toBe(401);
    }
    expect((await t.signed(app, b, 'GET', '/api/v1/overview')).statusCode).toBe(200);
    // Webhook deliveries share the providers' addresses: they get a wider budget than one IP.
    const webhook = () => app.inject({ method: 'POST', url: '/webhooks/quickbooks', payload: {} });
    for (let i = 0; i < 5; i++) expect((await webhook()).statusCode).toBe(401);
  });
});
