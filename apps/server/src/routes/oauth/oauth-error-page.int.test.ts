import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openConnectLink } from '../../testing/connect-in-browser.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('OAuth callback errors in a browser', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  const get = (url: string, accept?: string) =>
    t.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });
  /** The admin's browser opens the connect link and comes back from Intuit with its cookie. */
  const qboCallback = async (portal: { hubId: bigint }, realmId: string, accept?: string) => {
    const res = await t.signed(t.app, portal, 'POST', '/api/v1/connections/quickbooks');
    const browser = await openConnectLink(t.app, res.json().authorizeUrl);
    return t.app.inject({
      method: 'GET',
      url: `/oauth/quickbooks/callback?code=${t.quickbooks.issueCode()}&state=${encodeURIComponent(browser.state)}&realmId=${realmId}`,
      headers: { cookie: browser.cookie, ...(accept ? { accept } : {}) },
    });
  };

  it('shows a refused state as a page naming the problem and the next step', async () => {
    const res = await get('/oauth/hubspot/callback?code=x&state=forged', BROWSER);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h1>This sign-in link has expired</h1>');
    expect(res.body).toContain('invalid, expired or was already used');
    expect(res.body).toContain('What to do:');
    expect(res.body).not.toContain('"error"');
  });

  it('keeps JSON for clients asking for it, and for clients that send no Accept', async () => {
    for (const accept of ['application/json', 'application/json, text/html', undefined]) {
      const res = await get('/oauth/hubspot/callback?code=x&state=forged', accept);
      expect({ accept, type: res.headers['content-type'] }).toEqual({
        accept,
        type: 'application/json; charset=utf-8',
      });
      expect(res.json().error).toBe('invalid_state');
    }
  });

  it('names a second QuickBooks company and a company linked to another portal', async () => {
    const portal = await t.portal({ realmId: 'realm-html-1' });
    const second = await qboCallback(portal, 'realm-html-2', BROWSER);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('<h1>Already connected to another QuickBooks company</h1>');
    expect(second.body).toContain('disconnect the current company first');
    const other = await t.portal();
    const taken = await qboCallback(other, 'realm-html-1', BROWSER);
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('<h1>This QuickBooks company is connected to another HubSpot account</h1>');
  });

  it('explains a declined consent and escapes what the provider sent back', async () => {
    const res = await get('/oauth/quickbooks/callback?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E', BROWSER);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<h1>Access was not granted</h1>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<script>');
  });

  it('hides internals of a failure behind a reference to quote', async () => {
    const app = await t.extraApp({}, {});
    const state = new URL(
      (await app.inject({ method: 'GET', url: '/oauth/hubspot/install' })).headers.location as string,
    ).searchParams.get('state') as string;
    // A code HubSpot never issued: the exchange throws inside the route.
    const res = await app.inject({
      method: 'GET',
      url: `/oauth/hubspot/callback?code=never-issued&state=${encodeURIComponent(state)}`,
      headers: { accept: BROWSER },
    });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('<h1>Something went wrong</h1>');
    expect(res.body).toMatch(/Reference: [\w-]+/);
    expect(res.body).not.toContain('invalid_grant');
  });

  it('leaves a successful landing alone', async () => {
    const state = new URL((await get('/oauth/hubspot/install')).headers.location as string).searchParams.get(
      'state',
    ) as string;
    const res = await get(
      `/oauth/hubspot/callback?code=${t.hubspot.issueCode(88001)}&state=${encodeURIComponent(state)}`,
      BROWSER,
    );
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://app.hubspot.test/settings/88001');
  });
});
