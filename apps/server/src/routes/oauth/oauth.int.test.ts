import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository, createQuickBooksConnectionRepository } from '@ledgersync/db';
import { type ConnectInBrowser, openConnectLink } from '../../testing/connect-in-browser.ts';
import { startTestServer, TEST_CONFIG, type TestServer } from '../../testing/test-server.ts';

describe('OAuth: HubSpot install, QBO connect, disconnect, uninstall', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  const install = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/oauth/hubspot/install' });
    expect(res.statusCode).toBe(302);
    return new URL(res.headers.location as string);
  };
  const hubspotCallback = (query: string) =>
    t.app.inject({ method: 'GET', url: `/oauth/hubspot/callback?${query}` });

  describe('HubSpot install (R-CON-1)', () => {
    it('redirects to HubSpot with client id, redirect URI, scopes and a state', async () => {
      const url = await install();
      expect(url.origin + url.pathname).toBe(`${TEST_CONFIG.hubspot.authBaseUrl}/oauth/authorize`);
      expect(url.searchParams.get('client_id')).toBe('hs-client');
      expect(url.searchParams.get('redirect_uri')).toBe('https://ledgersync.test/oauth/hubspot/callback');
      expect(url.searchParams.get('scope')).toContain('crm.objects.invoices.write');
      expect(url.searchParams.get('state')).toMatch(/^hubspot\.[\w-]+\.[\w-]+$/);
    });

    it('joins the scopes with %20, as HubSpot documents, not with +', async () => {
      const url = await install();
      const scope = TEST_CONFIG.hubspot.scopes.map(encodeURIComponent).join('%20');
      expect(url.search).toContain(`scope=${scope}&`);
      expect(url.search).not.toContain('+');
    });

    it('exchanges the code, learns the portal, stores encrypted tokens, creates properties, lands on settings', async () => {
      const state = (await install()).searchParams.get('state')!;
      const res = await hubspotCallback(
        `code=${t.hubspot.issueCode(62515)}&state=${encodeURIComponent(state)}`,
      );
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('https://app.hubspot.test/settings/62515');
      const portal = await t.db.portal.findUniqueOrThrow({ where: { hubId: 62515n } });
      const row = await t.db.hubSpotInstallation.findUniqueOrThrow({ where: { portalId: portal.id } });
      expect(row.accessToken).toMatch(/^v1\.k1\./);
      expect(row.accessToken).not.toContain('hs-at');
      const decrypted = await createHubSpotInstallationRepository(t.db, t.cipher).find(portal.id);
      expect(decrypted?.tokens.accessToken).toMatch(/^hs-at-62515-/);
      expect(decrypted?.installedByUserId).toBe('7');
      expect(t.hubspot.propertiesEnsured).toContain(decrypted?.tokens.accessToken);
    });

    it('refuses a replayed, forged, expired or other-provider state, and a denied consent', async () => {
      const state = (await install()).searchParams.get('state')!;
      const first = await hubspotCallback(
        `code=${t.hubspot.issueCode(70001)}&state=${encodeURIComponent(state)}`,
      );
      expect(first.statusCode).toBe(302);
      const replay = await hubspotCallback(
        `code=${t.hubspot.issueCode(70001)}&state=${encodeURIComponent(state)}`,
      );
      expect(replay.statusCode).toBe(400);
      expect(replay.json().error).toBe('invalid_state');

      const [kind, id] = ((await install()).searchParams.get('state') ?? '').split('.');
      const forged = await hubspotCallback(
        `code=${t.hubspot.issueCode(70002)}&state=${kind}.${id}.AAAAforged`,
      );
      expect(forged.json().error).toBe('invalid_state');
      expect((await hubspotCallback(`code=x&state=nonsense`)).json().error).toBe('invalid_state');
      expect((await hubspotCallback('code=x')).json().error).toBe('invalid_state');

      const late = (await install()).searchParams.get('state')!;
      t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
      const expired = await hubspotCallback(
        `code=${t.hubspot.issueCode(70003)}&state=${encodeURIComponent(late)}`,
      );
      expect(expired.json().error).toBe('invalid_state');

      const portal = await t.portal({});
      const qState = new URL(
        (await t.signed(t.app, portal, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
      ).searchParams.get('state')!;
      const crossed = await hubspotCallback(
        `code=${t.hubspot.issueCode(70004)}&state=${encodeURIComponent(qState)}`,
      );
      expect(crossed.json().error).toBe('invalid_state');

      const denied = await hubspotCallback('error=access_denied&state=x');
      expect(denied.statusCode).toBe(400);
      expect(denied.json().error).toBe('authorization_denied');
      expect(await t.db.portal.count({ where: { hubId: { in: [70002n, 70003n, 70004n] } } })).toBe(0);
    });
  });

  describe('QBO connect (R-CON-2) and disconnect (R-CON-3)', () => {
    /** The settings page asks for the connect link; the admin's browser opens it and goes on to Intuit. */
    const startConnect = async (portal: { hubId: bigint }) => {
      const res = await t.signed(t.app, portal, 'POST', '/api/v1/connections/quickbooks');
      expect(res.statusCode).toBe(200);
      const browser = await openConnectLink(t.app, res.json().authorizeUrl);
      expect(browser.consent.searchParams.get('redirect_uri')).toBe(
        'https://ledgersync.test/oauth/quickbooks/callback',
      );
      return browser;
    };
    const qboCallback = (browser: ConnectInBrowser, realmId: string) =>
      t.app.inject({
        method: 'GET',
        url: `/oauth/quickbooks/callback?code=${t.quickbooks.issueCode()}&state=${encodeURIComponent(browser.state)}&realmId=${realmId}`,
        headers: { cookie: browser.cookie },
      });

    it('binds the portal and user in the state and stores realm, tokens and company details', async () => {
      const portal = await t.portal();
      const browser = await startConnect(portal);
      const stored = await t.db.oAuthState.findFirstOrThrow({ where: { portalId: portal.id } });
      expect(stored).toMatchObject({ provider: 'quickbooks', userId: '7', usedAt: null });
      const res = await qboCallback(browser, 'realm-100');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(`https://app.hubspot.test/settings/${portal.hubId}`);
      const connection = await createQuickBooksConnectionRepository(t.db, t.cipher).find(portal.id);
      expect(connection).toMatchObject({
        realmId: 'realm-100',
        status: 'connected',
        companyName: 'Acme Books',
        country: 'US',
        homeCurrency: 'USD',
      });
      expect(connection?.tokens?.refreshToken).toMatch(/^qb-rt-/);
      expect((await qboCallback(browser, 'realm-100')).json().error).toBe('invalid_state');
    });

    it('refuses a second realm for one portal and a realm already linked to another portal', async () => {
      const portal = await t.portal({ realmId: 'realm-200' });
      const second = await qboCallback(await startConnect(portal), 'realm-201');
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toBe('portal_connected_to_other_realm');
      expect(second.json().message).toContain('Disconnect it first');
      const other = await t.portal();
      const taken = await qboCallback(await startConnect(other), 'realm-200');
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toBe('realm_linked_to_other_portal');
      expect(await t.db.quickBooksConnection.count({ where: { portalId: other.id } })).toBe(0);
    });

    it('disconnect turns every sync off, removes queued jobs and revokes the tokens', async () => {
      const portal = await t.portal({ realmId: 'realm-300' });
      await t.db.syncSettings.createMany({
        data: [
          { portalId: portal.id, object: 'invoice', enabled: true, direction: 'two_way' },
          { portalId: portal.id, object: 'customer', enabled: true, direction: 'two_way' },
        ],
      });
      await t.signed(t.app, portal, 'POST', '/api/v1/invoices/1/resync');
      const jobsBefore = await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*)::bigint AS n FROM graphile_worker._private_jobs WHERE key = ${`sync-portal:${portal.id}`}`;
      expect(Number(jobsBefore[0]?.n)).toBe(1);
      const res = await t.signed(t.app, portal, 'DELETE', '/api/v1/connections/quickbooks');
      expect(res.json()).toEqual({ status: 'disconnected' });
      expect(t.quickbooks.revoked).toContain('qb-rt-realm-300');
      expect(await t.db.syncSettings.count({ where: { portalId: portal.id, enabled: true } })).toBe(0);
      const jobsAfter = await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*)::bigint AS n FROM graphile_worker._private_jobs WHERE key = ${`sync-portal:${portal.id}`}`;
      expect(Number(jobsAfter[0]?.n)).toBe(0);
      const row = await t.db.quickBooksConnection.findUniqueOrThrow({ where: { portalId: portal.id } });
      expect(row).toMatchObject({ status: 'disconnected', accessToken: null, refreshToken: null });
      const turnOn = await t.signed(t.app, portal, 'PUT', '/api/v1/settings/objects/customer', {
        enabled: true,
      });
      expect(turnOn.json().error).toBe('quickbooks_not_connected');
    });

    it('uninstall stops the portal, revokes and removes its tokens, and closes its API', async () => {
      const portal = await t.portal({ realmId: 'realm-400' });
      const res = await t.signed(t.app, portal, 'POST', '/api/v1/app/uninstall');
      expect(res.json()).toEqual({ status: 'uninstalled' });
      expect(t.hubspot.revoked).toContain(`hs-rt-${portal.hubId}`);
      expect(t.quickbooks.revoked).toContain('qb-rt-realm-400');
      expect(await t.db.hubSpotInstallation.count({ where: { portalId: portal.id } })).toBe(0);
      expect(
        (await t.db.portal.findUniqueOrThrow({ where: { id: portal.id } })).uninstalledAt,
      ).not.toBeNull();
      expect((await t.signed(t.app, portal, 'GET', '/api/v1/settings')).statusCode).toBe(403);
    });
  });
});
