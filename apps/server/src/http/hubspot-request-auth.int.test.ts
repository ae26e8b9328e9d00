import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import { startTestServer, TEST_CONFIG, type TestServer } from '../testing/test-server.ts';

describe('hubspot.fetch request signatures', () => {
  let t: TestServer;
  let portal: Portal;
  beforeAll(async () => {
    t = await startTestServer();
    portal = await t.portal({ realmId: 'realm-auth' });
  });
  afterAll(async () => t.close());

  const rawCall = (
    url: string,
    headers: Record<string, string>,
    method: 'GET' | 'PUT' = 'GET',
    payload?: string,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload } : {}),
    });
  const signFor = (method: string, url: string, body: string, ts = String(t.clock.now.getTime())) => ({
    'x-hubspot-signature-v3': signatureV3(
      TEST_CONFIG.hubspot.clientSecret,
      method,
      `${TEST_CONFIG.publicUrl}${url}`,
      body,
      Number(ts),
    ),
    'x-hubspot-request-timestamp': ts,
  });

  it('serves a correctly signed request for the portal in the signed query', async () => {
    const res = await t.signed(t.app, portal, 'GET', '/api/v1/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json().portal.hubId).toBe(portal.hubId.toString());
  });

  it('refuses a missing, wrong-secret or expired signature with 401', async () => {
    const url = `/api/v1/settings?portalId=${portal.hubId}`;
    const missing = await rawCall(url, {});
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toBe('signature_missing');
    const wrong = await t.signed(t.app, portal, 'GET', '/api/v1/settings', undefined, {
      secret: 'not-the-secret',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('signature_mismatch');
    const expired = await t.signed(t.app, portal, 'GET', '/api/v1/settings', undefined, {
      timestampMs: t.clock.now.getTime() - 5 * 60_000 - 1,
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toBe('signature_expired');
  });

  it('refuses a request whose URL (the portal) or body was altered after signing', async () => {
    const other = await t.portal();
    const url = `/api/v1/settings?portalId=${portal.hubId}`;
    const headers = signFor('GET', url, '');
    const altered = await rawCall(`/api/v1/settings?portalId=${other.hubId}`, headers);
    expect(altered.statusCode).toBe(401);
    const putUrl = `/api/v1/settings/objects/product/fields?portalId=${portal.hubId}`;
    const body = JSON.stringify({ disabledFields: ['description'] });
    const putHeaders = signFor('PUT', putUrl, body);
    const tampered = await rawCall(
      putUrl,
      putHeaders,
      'PUT',
      JSON.stringify({ disabledFields: ['unitPrice'] }),
    );
    expect(tampered.statusCode).toBe(401);
  });

  it('refuses a replayed state-changing request', async () => {
    const url = `/api/v1/settings/objects/product/fields?portalId=${portal.hubId}`;
    const body = JSON.stringify({ disabledFields: ['description'] });
    const headers = signFor('PUT', url, body);
    expect((await rawCall(url, headers, 'PUT', body)).statusCode).toBe(200);
    const replay = await rawCall(url, headers, 'PUT', body);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toBe('signature_replayed');
  });

  it('checks the signature before the body schema, so unsigned requests learn nothing', async () => {
    const url = `/api/v1/settings/objects/product/fields?portalId=${portal.hubId}`;
    const res = await rawCall(url, {}, 'PUT', JSON.stringify({ wrong: true }));
    expect(res.statusCode).toBe(401);
  });

  it('refuses a portal that is not installed, uninstalled, missing, or another app id', async () => {
    const stranger = await t.signed(t.app, { hubId: 999_999n }, 'GET', '/api/v1/settings');
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error).toBe('portal_not_installed');
    const gone = await t.portal();
    await t.db.portal.update({ where: { id: gone.id }, data: { uninstalledAt: t.clock.now } });
    expect((await t.signed(t.app, gone, 'GET', '/api/v1/settings')).statusCode).toBe(403);
    const noPortal = '/api/v1/settings';
    const res = await rawCall(noPortal, signFor('GET', noPortal, ''));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('portal_missing');
    const otherApp = `/api/v1/settings?appId=1&portalId=${portal.hubId}`;
    expect((await rawCall(otherApp, signFor('GET', otherApp, ''))).json().error).toBe('wrong_app');
  });

  it('refuses malformed JSON with 400 and bodies over 1 MB with 413', async () => {
    const url = `/api/v1/settings/inbound-filters?portalId=${portal.hubId}`;
    const bad = '{"filters": [';
    const res = await rawCall(url, signFor('PUT', url, bad), 'PUT', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('malformed_json');
    const big = JSON.stringify({ filters: [], pad: 'x'.repeat(1_100_000) });
    const tooBig = await rawCall(url, signFor('PUT', url, big), 'PUT', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toBe('body_too_large');
  });
});
