import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { STATE_LIFETIME_MS } from '../security/signed-state.ts';
import { openConnectLink } from '../testing/connect-in-browser.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const stateOf = (location: string) => new URL(location).searchParams.get('state') ?? '';
const q = (s: string) => encodeURIComponent(s);
let attempts = 0;

describe('OAuth state: forged, reused, expired, other provider, other portal or deployment are refused', () => {
  let t: TestServer;
  let otherDeployment: FastifyInstance;
  beforeAll(async () => {
    t = await startTestServer();
    otherDeployment = await t.extraApp({}, { stateSigningSecret: 'o'.repeat(40) });
  });
  afterAll(async () => {
    console.info(`OAuth state attacks: ${attempts}`);
    await t.close();
  });

  const installState = async (app = t.app) =>
    stateOf((await app.inject({ method: 'GET', url: '/oauth/hubspot/install' })).headers.location as string);
  const connectState = async (portal: { hubId: bigint }) => {
    const res = await t.signed(t.app, portal, 'POST', '/api/v1/connections/quickbooks');
    return stateOf(res.json().authorizeUrl);
  };
  /** Swaps one of the three dot-separated parts of a state for another's. */
  const splice = (x: string, y: string, part: 0 | 1 | 2) =>
    x
      .split('.')
      .map((p, i) => (i === part ? y.split('.')[i] : p))
      .join('.');
  const refused = (res: { statusCode: number; json: () => { error: string } }, attack: string) => {
    attempts++;
    expect({ attack, status: res.statusCode, error: res.json().error }).toEqual({
      attack,
      status: 400,
      error: 'invalid_state',
    });
  };

  it('HubSpot install callback', async () => {
    const callback = (code: string, state: string) =>
      t.app.inject({ method: 'GET', url: `/oauth/hubspot/callback?code=${q(code)}&state=${q(state)}` });
    const code = t.hubspot.issueCode(81001);
    const good = await installState();
    const other = await installState();
    const portal = await t.portal({});
    const attacks: [string, string][] = [
      ['random', 'hubspot.abc.def'],
      ['empty', ''],
      ['two parts', good.split('.').slice(0, 2).join('.')],
      ['four parts', `${good}.x`],
      ['mac forged', splice(good, 'hubspot.x.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 2)],
      ['id swapped under another mac', splice(good, other, 1)],
      ['provider relabelled', good.replace(/^hubspot\./, 'quickbooks.')],
      ['QBO connect state', await connectState(portal)],
      ['signed by another deployment', await installState(otherDeployment)],
      ['case changed', good.toUpperCase()],
    ];
    for (const [name, state] of attacks) refused(await callback(code, state), name);
    expect(await t.db.portal.count({ where: { hubId: 81001n } })).toBe(0);
    // Refusals come before the code is spent: the same code still installs with a good state.
    expect((await callback(code, good)).statusCode).toBe(302);
    refused(await callback(t.hubspot.issueCode(81001), good), 'reused');
    const late = await installState();
    t.clock.now = new Date(t.clock.now.getTime() + STATE_LIFETIME_MS + 1);
    refused(await callback(t.hubspot.issueCode(81002), late), 'expired');
    expect(await t.db.portal.count({ where: { hubId: 81002n } })).toBe(0);
  });

  it('QuickBooks connect callback: the portal comes only from a live, unused state', async () => {
    const a = await t.portal({});
    const b = await t.portal({});
    // Each state comes back from the browser that opened its connect link, with that browser's cookie.
    const callback = (code: string, browser: { state: string; cookie: string }, extra = '') =>
      t.app.inject({
        method: 'GET',
        url: `/oauth/quickbooks/callback?code=${q(code)}&state=${q(browser.state)}&realmId=realm-x${extra}`,
        headers: { cookie: browser.cookie },
      });
    const code = t.quickbooks.issueCode();
    const inBrowser = async (portal: { hubId: bigint }, app = t.app) =>
      openConnectLink(
        app,
        (await t.signed(app, portal, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
      );
    const ofA = await inBrowser(a);
    const good = ofA.state;
    const ofB = (await inBrowser(b)).state;
    const gone = await t.portal({});
    const goneBrowser = await inBrowser(gone);
    await t.signed(t.app, gone, 'POST', '/api/v1/app/uninstall');
    const withA = (state: string) => ({ state, cookie: ofA.cookie });
    const attacks: [string, { state: string; cookie: string }][] = [
      ['random', withA('quickbooks.abc.def')],
      ['mac forged', withA(splice(good, 'quickbooks.x.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 2))],
      ["A's id under B's mac", withA(splice(good, ofB, 1))],
      ["B's id under A's mac", withA(splice(ofB, good, 1))],
      ['HubSpot install state (no portal)', withA(await installState())],
      ['provider relabelled', withA(good.replace(/^quickbooks\./, 'hubspot.'))],
      ['signed by another deployment', await inBrowser(a, otherDeployment)],
      ['state of an uninstalled portal', goneBrowser],
    ];
    for (const [name, browser] of attacks) refused(await callback(code, browser), name);
    expect(await t.db.quickBooksConnection.count({ where: { realmId: 'realm-x' } })).toBe(0);
    // A portal named in the query is ignored: the realm goes to the state's portal, A.
    const ok = await callback(code, ofA, `&portalId=${b.id}&hubId=${b.hubId}`);
    expect(ok.statusCode).toBe(302);
    expect(ok.headers.location).toContain(String(a.hubId));
    const linked = await t.db.quickBooksConnection.findMany({ where: { realmId: 'realm-x' } });
    expect(linked.map((c) => c.portalId)).toEqual([a.id]);
    refused(await callback(t.quickbooks.issueCode(), ofA), 'reused');
    const late = await inBrowser(b);
    t.clock.now = new Date(t.clock.now.getTime() + STATE_LIFETIME_MS + 1);
    refused(await callback(t.quickbooks.issueCode(), late), 'expired');
    expect(await t.db.quickBooksConnection.count({ where: { portalId: b.id } })).toBe(0);
  });

  it('a realm is linked to one portal only; the refused tokens are revoked, not stored', async () => {
    const a = await t.portal({ realmId: 'realm-shared' });
    const b = await t.portal({});
    const browser = await openConnectLink(
      t.app,
      (await t.signed(t.app, b, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/oauth/quickbooks/callback?code=${q(t.quickbooks.issueCode())}&state=${q(browser.state)}&realmId=realm-shared`,
      headers: { cookie: browser.cookie },
    });
    attempts++;
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('realm_linked_to_other_portal');
    const rows = await t.db.quickBooksConnection.findMany({ where: { realmId: 'realm-shared' } });
    expect(rows.map((r) => r.portalId)).toEqual([a.id]);
    expect(await t.db.quickBooksConnection.count({ where: { portalId: b.id } })).toBe(0);
    expect(t.quickbooks.revoked.length).toBeGreaterThan(0);
  });
});
