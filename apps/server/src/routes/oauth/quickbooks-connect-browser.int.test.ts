import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ConnectInBrowser, openConnectLink } from '../../testing/connect-in-browser.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

// R-CON-2: the QBO connect state is bound to the admin's browser. The connect link sets a cookie
// there; a callback without it, with another browser's, or from a forwarded link is refused with a
// page saying what to do, and the refusal leaves the admin's own flow intact.
describe('QuickBooks connect bound to the browser that opened the link', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  const connectLink = async (portal: { hubId: bigint }): Promise<string> =>
    (await t.signed(t.app, portal, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl;
  const callback = (state: string, realmId: string, cookie?: string) =>
    t.app.inject({
      method: 'GET',
      url: `/oauth/quickbooks/callback?code=${t.quickbooks.issueCode()}&state=${encodeURIComponent(state)}&realmId=${realmId}`,
      headers: { accept: BROWSER, ...(cookie ? { cookie } : {}) },
    });
  const connected = async (portalId: string) =>
    (await t.db.quickBooksConnection.count({ where: { portalId, status: 'connected' } })) === 1;

  it('the settings page gets our connect link; opening it sets a locked-down cookie and goes on to Intuit', async () => {
    const portal = await t.portal();
    const link = new URL(await connectLink(portal));
    expect(`${link.origin}${link.pathname}`).toBe('https://ledgersync.test/oauth/quickbooks/connect');
    const res = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(res.statusCode).toBe(302);
    expect(String(res.headers.location)).toMatch(/^https:\/\/appcenter\.intuit\.example\/connect\/oauth2\?/);
    expect(new URL(String(res.headers.location)).searchParams.get('state')).toBe(
      link.searchParams.get('state'),
    );
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^ledgersync_qbo_connect=[\w-]+\.[\w-]{43}; /);
    for (const attribute of ['Path=/oauth/quickbooks', 'Max-Age=600', 'HttpOnly', 'SameSite=Lax', 'Secure'])
      expect(cookie.split('; ')).toContain(attribute);
    expect(res.headers['cache-control']).toBe('no-store');
    // Only the nonce's hash is stored with the state.
    const nonce = cookie.split(';')[0]?.split('.')[1] ?? '';
    const row = await t.db.oAuthState.findFirstOrThrow({ where: { portalId: portal.id } });
    expect(row.browserKeyHash).toBe(createHash('sha256').update(nonce).digest('hex'));
  });

  it('the browser that opened the link connects, and its cookie is cleared', async () => {
    const portal = await t.portal();
    const browser = await openConnectLink(t.app, await connectLink(portal));
    const res = await callback(browser.state, 'realm-bound-1', browser.cookie);
    expect(res.statusCode).toBe(302);
    expect(String(res.headers['set-cookie'])).toMatch(
      /^ledgersync_qbo_connect=; Path=\/oauth\/quickbooks; Max-Age=0; /,
    );
    expect(await connected(portal.id)).toBe(true);
  });

  it('refuses a callback without the cookie with a page saying what to do; the admin can still finish', async () => {
    const portal = await t.portal();
    const browser = await openConnectLink(t.app, await connectLink(portal));
    const res = await callback(browser.state, 'realm-bound-2');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h1>Finish connecting in the browser where you started</h1>');
    expect(res.body).toContain('What to do:');
    expect(res.body).toContain('do not forward it');
    expect(await connected(portal.id)).toBe(false);
    expect((await callback(browser.state, 'realm-bound-2', browser.cookie)).statusCode).toBe(302);
    expect(await connected(portal.id)).toBe(true);
  });

  it("refuses a callback carrying another browser's cookie", async () => {
    const victim = await t.portal();
    const attacker = await t.portal();
    const theirs = await openConnectLink(t.app, await connectLink(attacker));
    const mine = await openConnectLink(t.app, await connectLink(victim));
    // The attacker's consent link, completed in the victim's browser (which holds the victim's cookie).
    const crossed = await callback(theirs.state, 'realm-bound-3', mine.cookie);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.body).toContain('<h1>Finish connecting in the browser where you started</h1>');
    // A cookie naming the right state with a nonce of its own making is no better.
    const forged = `${theirs.cookie.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await callback(theirs.state, 'realm-bound-3', forged)).body).toContain(
      '<h1>This sign-in link has expired</h1>',
    );
    expect(await connected(attacker.id)).toBe(false);
    expect(await connected(victim.id)).toBe(false);
  });

  it('refuses a forwarded link: the connect link opened by a second browser, or the state sent straight to Intuit', async () => {
    const portal = await t.portal();
    const link = await connectLink(portal);
    const first: ConnectInBrowser = await openConnectLink(t.app, link);
    const second = await t.app.inject({
      method: 'GET',
      url: `${new URL(link).pathname}${new URL(link).search}`,
      headers: { accept: BROWSER },
    });
    expect(second.statusCode).toBe(400);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.body).toContain('<h1>This connect link was already opened</h1>');
    expect(second.body).toContain('What to do:');
    // A state that never went through the connect link has no browser: its callback is refused.
    const skipped = new URL(await connectLink(portal)).searchParams.get('state') ?? '';
    expect((await callback(skipped, 'realm-bound-4', first.cookie)).statusCode).toBe(400);
    expect((await callback(skipped, 'realm-bound-4')).statusCode).toBe(400);
    expect(await connected(portal.id)).toBe(false);
    expect((await callback(first.state, 'realm-bound-4', first.cookie)).statusCode).toBe(302);
  });

  it('leaves Secure off when the public URL is plain http (a local run)', async () => {
    const local = await t.extraApp({}, { publicUrl: 'http://127.0.0.1:4010' });
    const link = new URL(await connectLink(await t.portal()));
    const res = await local.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(res.statusCode).toBe(302);
    expect(String(res.headers['set-cookie']).split('; ')).not.toContain('Secure');
  });
});
