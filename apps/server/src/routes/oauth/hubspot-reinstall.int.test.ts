import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository } from '@ledgersync/db';
import { APP_PROPERTIES_VERSION, HubSpotOAuthError } from '@ledgersync/hubspot';
import { syncPortalJobKey } from '@ledgersync/jobs';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('HubSpot installation needs_reauth in the API data, cleared by a new install (R-ERR-7)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  it('settings and the card say needs_reauth; installing again clears it and records the property set', async () => {
    const portal = await t.portal({ realmId: 'realm-reinstall' });
    const installations = createHubSpotInstallationRepository(t.db, t.cipher);
    const settings = async () => (await t.signed(t.app, portal, 'GET', '/api/v1/settings')).json();
    const card = async () => (await t.signed(t.app, portal, 'GET', '/api/v1/invoices/555/card')).json();
    expect((await settings()).hubspot).toEqual({ status: 'active' });
    expect((await card()).hubspotConnection).toBe('active');

    // What the worker does when HubSpot refuses the refresh (app uninstalled, grant revoked).
    await installations.markNeedsReauth(portal.id);
    expect((await settings()).hubspot).toEqual({ status: 'needs_reauth' });
    const paused = await card();
    expect(paused.hubspotConnection).toBe('needs_reauth');
    expect(paused.connection).toBe('connected');

    // A change that arrived while paused waits, with no job (the paused drain scheduled none).
    await t.db.changeNotice.create({
      data: {
        portalId: portal.id,
        side: 'hubspot',
        object: 'invoice',
        recordId: '555',
        eventId: 'reinstall-1',
      },
    });
    const drainJobs = async () =>
      Number(
        (
          await t.db.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM graphile_worker.jobs
            WHERE task_identifier = 'sync-portal' AND key = ${syncPortalJobKey(portal.id)}`
        )[0]?.n ?? 0,
      );
    expect(await drainJobs()).toBe(0);

    const start = await t.app.inject({ method: 'GET', url: '/oauth/hubspot/install' });
    const state = new URL(start.headers.location as string).searchParams.get('state') ?? '';
    const callback = await t.app.inject({
      method: 'GET',
      url: `/oauth/hubspot/callback?code=${t.hubspot.issueCode(Number(portal.hubId))}&state=${encodeURIComponent(state)}`,
    });
    expect(callback.statusCode).toBe(302);
    const again = await installations.find(portal.id);
    expect(again).toMatchObject({ status: 'active', appPropertiesVersion: APP_PROPERTIES_VERSION });
    expect(t.hubspot.propertiesEnsured).toContain(again?.tokens.accessToken);
    expect((await settings()).hubspot).toEqual({ status: 'active' });
    expect(await drainJobs()).toBe(1);
  });

  it('a refresh HubSpot refuses in the server (field catalogue) marks needs_reauth and answers 409 hubspot_needs_reauth', async () => {
    const portal = await t.portal({ realmId: 'realm-refused' });
    const installations = createHubSpotInstallationRepository(t.db, t.cipher);
    await installations.save(portal.id, {
      accessToken: 'hs-at-expiring',
      refreshToken: 'hs-rt-revoked',
      accessTokenExpiresAt: t.clock.now,
      scopes: ['oauth'],
    });
    const refresh = t.hubspot.gateway.refresh;
    t.hubspot.gateway.refresh = async () => {
      throw new HubSpotOAuthError('invalid_grant: refresh token revoked', 400, true);
    };
    try {
      const res = await t.signed(t.app, portal, 'GET', '/api/v1/settings/field-catalogue');
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toBe('hubspot_needs_reauth');
      expect((await installations.find(portal.id))?.status).toBe('needs_reauth');
    } finally {
      t.hubspot.gateway.refresh = refresh;
    }
  });
});
