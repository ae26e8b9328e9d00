import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_CONFIG } from '../testing/test-server.ts';
import { hubspotQuery, type Method, type SignedCall, sendSigned } from './hubspot-fetch.ts';
import { apiRoutesOf, ROUTE_CATALOGUE } from './route-catalogue.ts';
import { isServed, listRoutes, routeKey } from './route-table.ts';
import { type SeededPortal, twoPortals } from './two-portals.ts';

const FIVE_MIN = 5 * 60_000;
// Destructive routes last: every other route's control call needs A installed and connected.
const LAST = ['DELETE /api/v1/connections/quickbooks', 'POST /api/v1/app/uninstall'];
const API_ROUTES = apiRoutesOf(ROUTE_CATALOGUE).sort((x, y) => LAST.indexOf(x.key) - LAST.indexOf(y.key));
const attempts = { api: 0, webhooks: 0 };

describe('every public route refuses forged, expired, altered and replayed signatures', () => {
  let w: Awaited<ReturnType<typeof twoPortals>>;
  let a: SeededPortal;
  let b: SeededPortal;
  const tick = () => {
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 1);
    return w.t.clock.now.getTime();
  };

  beforeAll(async () => {
    w = await twoPortals();
    ({ a, b } = w);
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('knows how every route the app serves is protected (a new route fails here until it is)', () => {
    const served = listRoutes(w.t.app).map(routeKey).sort();
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((key) => !(key in ROUTE_CATALOGUE))).toEqual([]);
    // And the other way: an entry for a route no longer served would attack nothing.
    expect(Object.keys(ROUTE_CATALOGUE).filter((key) => !served.includes(key))).toEqual([]);
  });

  it.each(API_ROUTES.map((r) => [r.key, r] as const))('%s', async (key, route) => {
    expect(isServed(w.t.app, key)).toBe(true);
    const sample = route.sample(a.ids);
    const url = hubspotQuery(sample.path, a.portal.hubId);
    const body = sample.body === undefined ? undefined : JSON.stringify(sample.body);
    const valid = (): SignedCall => ({
      method: route.method,
      url,
      timestampMs: tick(),
      ...(body === undefined ? {} : { body }),
    });
    const otherMethod: Method = route.method === 'GET' ? 'POST' : 'GET';
    const attacks: [string, SignedCall][] = [
      ['unsigned', { ...valid(), unsigned: true }],
      ['forged with another secret', { ...valid(), secret: 'not-the-client-secret' }],
      ['signed by another app', { ...valid(), secret: TEST_CONFIG.quickbooks.clientSecret }],
      ['expired (older than 5 minutes)', { ...valid(), timestampMs: tick() - FIVE_MIN - 1000 }],
      ['from the future (beyond 5 minutes)', { ...valid(), timestampMs: tick() + FIVE_MIN + 1000 }],
      [
        'query altered to another portal',
        { ...valid(), url: hubspotQuery(sample.path, b.portal.hubId), signed: { url } },
      ],
      ['query parameter added', { ...valid(), url: `${url}&userId=1`, signed: { url } }],
      ['path altered', { ...valid(), signed: { url: url.replace('/api/v1/', '/api/v1/other/') } }],
      ['method altered', { ...valid(), signed: { method: otherMethod } }],
    ];
    if (route.method !== 'GET') {
      attacks.push([
        'body altered',
        { ...valid(), body: JSON.stringify({ tampered: true }), signed: { body: body ?? '' } },
      ]);
    }
    for (const [name, call] of attacks) {
      const res = await sendSigned(w.t.app, call);
      attempts.api++;
      expect({ attack: name, status: res.statusCode }).toEqual({ attack: name, status: 401 });
      expect(res.json().error).toMatch(/^signature_/);
    }
    // The same route, correctly signed, gets past authentication: the attacks failed for their flaw.
    const control = valid();
    const first = await sendSigned(w.t.app, control);
    expect([401, 403]).not.toContain(first.statusCode);
    expect(first.statusCode).toBeLessThan(500);
    if (route.method !== 'GET') {
      // A captured state-changing call cannot be sent again within the window.
      const replay = await sendSigned(w.t.app, control);
      attempts.api++;
      expect({ attack: 'replayed', status: replay.statusCode }).toEqual({ attack: 'replayed', status: 401 });
      expect(replay.json().error).toBe('signature_replayed');
    }
  });

  it('the export download link: forged, altered, expired, other-portal and missing tokens are refused', async () => {
    const key = 'GET /exports/:hubId/historical-invoices.csv';
    expect(isServed(w.t.app, key)).toBe(true);
    // Portal B: the /api controls above uninstalled A.
    const link = async (portal: SeededPortal) => {
      const res = await w.t.signed(
        w.t.app,
        portal.portal,
        'POST',
        '/api/v1/exports/historical-invoices/link',
        {},
      );
      return new URL(res.json().url);
    };
    const url = await link(b);
    const token = url.searchParams.get('token') ?? '';
    const [version, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const reencode = (patch: object) =>
      `${version}.${Buffer.from(JSON.stringify({ ...claims, ...patch })).toString('base64url')}.${mac}`;
    const download = (hubId: bigint | string, t: string | null) =>
      w.t.app.inject({
        method: 'GET',
        url: `/exports/${hubId}/historical-invoices.csv${t === null ? '' : `?token=${encodeURIComponent(t)}`}`,
      });
    const attacks: [string, bigint | string, string | null, number][] = [
      ['missing token', b.portal.hubId, null, 400],
      ['garbage', b.portal.hubId, 'v1.x.y', 401],
      ['mac forged', b.portal.hubId, `${version}.${payload}.${'A'.repeat(mac.length)}`, 401],
      [
        'payload re-pointed at portal A',
        b.portal.hubId,
        reencode({ portalId: a.portal.id, hubId: String(a.portal.hubId) }),
        401,
      ],
      ['expiry extended', b.portal.hubId, reencode({ expiresAtMs: claims.expiresAtMs + 86_400_000 }), 401],
      ['an OAuth state instead', b.portal.hubId, `quickbooks.${payload}.${mac}`, 401],
      ["B's link on A's URL", a.portal.hubId, token, 403],
    ];
    for (const [name, hubId, t, status] of attacks) {
      const res = await download(hubId, t);
      attempts.api++;
      expect({ attack: name, status: res.statusCode }).toEqual({ attack: name, status });
      expect(res.body).not.toContain('B-ONLY-HIST');
    }
    const ok = await download(b.portal.hubId, token);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('B-ONLY-HIST');
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 5 * 60_000 + 1);
    const late = await download(b.portal.hubId, token);
    attempts.api++;
    expect({ attack: 'expired', status: late.statusCode }).toEqual({ attack: 'expired', status: 401 });
  });

  describe('HubSpot webhooks (v3 over the raw body, 5-minute window)', () => {
    const event = (eventId: number, hubId: bigint) =>
      JSON.stringify([
        {
          eventId,
          subscriptionId: 9,
          portalId: Number(hubId),
          occurredAt: 1_764_000_000_000,
          subscriptionType: 'object.propertyChange',
          objectTypeId: '0-53',
          objectId: 555,
        },
      ]);
    const notices = () => w.t.db.changeNotice.count({ where: { side: 'hubspot' } });

    it('refuses forged, expired, future, altered body, altered URL and unsigned deliveries', async () => {
      // Portal B: the /api controls above uninstalled A.
      const url = '/webhooks/hubspot';
      const body = event(1, b.portal.hubId);
      const valid = (): SignedCall => ({ method: 'POST', url, body, timestampMs: tick() });
      const attacks: [string, SignedCall][] = [
        ['unsigned', { ...valid(), unsigned: true }],
        ['forged', { ...valid(), secret: 'wrong-secret' }],
        ['expired', { ...valid(), timestampMs: tick() - FIVE_MIN - 1000 }],
        ['future', { ...valid(), timestampMs: tick() + FIVE_MIN + 1000 }],
        ['body altered', { ...valid(), body: event(1, a.portal.hubId), signed: { body } }],
        ['query added', { ...valid(), url: `${url}?portal=1`, signed: { url } }],
        ['path altered', { ...valid(), signed: { url: '/webhooks/quickbooks' } }],
        ['method altered', { ...valid(), signed: { method: 'PUT' } }],
      ];
      const before = await notices();
      for (const [name, call] of attacks) {
        const res = await sendSigned(w.t.app, call);
        attempts.webhooks++;
        expect({ attack: name, status: res.statusCode }).toEqual({ attack: name, status: 401 });
      }
      expect(await notices()).toBe(before);
      const ok = await sendSigned(w.t.app, valid());
      expect(ok.json()).toMatchObject({ received: 1, stored: 1 });
    });

    it('a replayed delivery stores nothing new (notices are idempotent by event id)', async () => {
      const call: SignedCall = {
        method: 'POST',
        url: '/webhooks/hubspot',
        body: event(2, b.portal.hubId),
        timestampMs: tick(),
      };
      expect((await sendSigned(w.t.app, call)).json()).toMatchObject({ stored: 1 });
      const before = await notices();
      const replay = await sendSigned(w.t.app, call);
      attempts.webhooks++;
      expect(replay.json()).toMatchObject({ received: 1, stored: 0 });
      expect(await notices()).toBe(before);
    });
  });

  describe('Intuit webhooks (intuit-signature over the raw body)', () => {
    const token = TEST_CONFIG.quickbooks.webhookVerifierToken;
    const sign = (raw: string, key = token) => createHmac('sha256', key).update(raw).digest('base64');
    const classic = (realmId: string, id: string) =>
      JSON.stringify({
        eventNotifications: [
          {
            realmId,
            dataChangeEvent: {
              entities: [
                { name: 'Invoice', id, operation: 'Update', lastUpdated: '2026-11-27T11:00:00.000Z' },
              ],
            },
          },
        ],
      });
    const post = (raw: string, signature: string | undefined) =>
      w.t.app.inject({
        method: 'POST',
        url: '/webhooks/quickbooks',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'intuit-signature': signature } : {}),
        },
        payload: raw,
      });

    it('refuses forged, altered and missing signatures; a replay stores nothing new', async () => {
      const raw = classic(b.realmId, '77');
      const attacks: [string, string | undefined, string][] = [
        ['missing', undefined, raw],
        ['forged with another token', sign(raw, 'another-verifier-token'), raw],
        ['signed with the HubSpot secret', sign(raw, TEST_CONFIG.hubspot.clientSecret), raw],
        ['body altered to another realm', sign(raw), classic(a.realmId, '77')],
        ['body altered to another entity', sign(raw), classic(b.realmId, '78')],
        ['hex instead of base64', createHmac('sha256', token).update(raw).digest('hex'), raw],
        ['truncated', sign(raw).slice(0, 20), raw],
        ['empty', '', raw],
      ];
      const before = await w.t.db.changeNotice.count({ where: { side: 'quickbooks' } });
      for (const [name, signature, sent] of attacks) {
        const res = await post(sent, signature);
        attempts.webhooks++;
        expect({ attack: name, status: res.statusCode }).toEqual({ attack: name, status: 401 });
      }
      expect(await w.t.db.changeNotice.count({ where: { side: 'quickbooks' } })).toBe(before);
      expect((await post(raw, sign(raw))).json()).toMatchObject({ received: 1, stored: 1 });
      const replay = await post(raw, sign(raw));
      attempts.webhooks++;
      expect(replay.json()).toMatchObject({ received: 1, stored: 0 });
      expect(await w.t.db.changeNotice.count({ where: { side: 'quickbooks' } })).toBe(before + 1);
    });
  });

  afterAll(() => {
    // How many attacks ran, for the test log.
    console.info(`signature attacks: ${attempts.api} on /api routes, ${attempts.webhooks} on webhooks`);
  });
});
