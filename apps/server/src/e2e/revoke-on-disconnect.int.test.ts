import { describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository, createQuickBooksConnectionRepository } from '@ledgersync/db';
import { createOAuthClient, HubSpotOAuthError } from '@ledgersync/hubspot';
import { createChangeIntake } from '@ledgersync/jobs';
import { createQuickBooksOAuth, intuitEndpointsAt, QboError } from '@ledgersync/quickbooks';
import { useLiveWorld } from '../testing/live-world.ts';

// R-CON-3 through the server's real gateways against both emulators: the grant is revoked at the
// provider (the emulator refuses the old tokens afterwards) and no job is left for the portal.

const live = useLiveWorld({
  hubspotApp: { clientId: 'rv-hs-client', clientSecret: 'rv-hs-secret-value', appId: 4_100_002 },
  quickbooksApp: { clientId: 'rv-qb-client', clientSecret: 'rv-qb-secret-value' },
});

/** Installs the app on a fresh emulated portal, connects QBO, turns contacts on and queues a drain. */
async function installedSyncingPortal() {
  const world = live();
  const { db, cipher, signed } = world;
  const { hubId, portal } = await world.installPortal();
  await world.connectQuickBooks(hubId);
  expect(
    (await signed(hubId, 'PUT', '/api/v1/settings/objects/customer', { enabled: true })).statusCode,
  ).toBe(200);
  await createChangeIntake(db, { debounceMs: 60_000 }).record([
    { portalId: portal.id, side: 'hubspot', object: 'customer', recordId: '1', eventId: `rv-${hubId}` },
  ]);
  expect(await jobsOf(portal.id)).toBeGreaterThan(0);
  const connection = await createQuickBooksConnectionRepository(db, cipher).find(portal.id);
  const installation = await createHubSpotInstallationRepository(db, cipher).find(portal.id);
  if (!connection?.tokens || !installation) throw new Error('portal not connected');
  return {
    hubId,
    portal,
    qboTokens: connection.tokens,
    realmId: connection.realmId,
    hsTokens: installation.tokens,
  };
}

const jobsOf = async (portalId: string) =>
  Number(
    (
      await live().db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'portalId' = ${portalId}`
    )[0]?.n ?? 0,
  );

/** What Intuit (the emulator) says about a grant: is its refresh token refused, its access token too? */
async function quickBooksGrantRefused(
  realmId: string,
  tokens: { accessToken: string; refreshToken: string },
) {
  const world = live();
  const oauth = createQuickBooksOAuth({
    clientId: world.quickbooksApp.clientId,
    clientSecret: world.quickbooksApp.clientSecret,
    redirectUri: `${world.publicUrl}/oauth/quickbooks/callback`,
    endpoints: intuitEndpointsAt(world.qboUrl),
  });
  const refresh = await oauth.refresh(realmId, tokens.refreshToken).then(
    () => 'accepted',
    (e: unknown) => (e instanceof QboError ? e.code : 'other'),
  );
  return { refresh, api: await qboApiStatus(realmId, tokens.accessToken) };
}

async function qboApiStatus(realmId: string, accessToken: string): Promise<number> {
  const res = await fetch(`${live().qboUrl}/v3/company/${realmId}/companyinfo/${realmId}`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  return res.status;
}

describe('revoke on disconnect and uninstall (R-CON-3), server + emulators', () => {
  it('disconnecting QBO revokes the grant at Intuit and leaves no job for the portal', async () => {
    const { db, signed } = live();
    const p = await installedSyncingPortal();
    // Before: the access token the server holds works at the emulator's API.
    expect(await qboApiStatus(p.realmId, p.qboTokens.accessToken)).toBe(200);

    const res = await signed(p.hubId, 'DELETE', '/api/v1/connections/quickbooks');
    expect(res.json()).toEqual({ status: 'disconnected' });

    expect(await quickBooksGrantRefused(p.realmId, p.qboTokens)).toEqual({
      refresh: 'AuthorizationRevoked',
      api: 401,
    });
    expect(await jobsOf(p.portal.id)).toBe(0);
    const row = await db.quickBooksConnection.findUniqueOrThrow({ where: { portalId: p.portal.id } });
    expect(row).toMatchObject({ status: 'disconnected', accessToken: null, refreshToken: null });
  });

  it('uninstalling revokes the QBO grant and the HubSpot refresh token, removes the tokens, leaves no job', async () => {
    const world = live();
    const { db, signed } = world;
    const p = await installedSyncingPortal();
    const res = await signed(p.hubId, 'POST', '/api/v1/app/uninstall');
    expect(res.json()).toEqual({ status: 'uninstalled' });

    expect((await quickBooksGrantRefused(p.realmId, p.qboTokens)).refresh).toBe('AuthorizationRevoked');
    const hubspotOAuth = createOAuthClient({
      basePath: world.hubspotUrl,
      clientId: world.hubspotApp.clientId,
      clientSecret: world.hubspotApp.clientSecret,
      redirectUri: `${world.publicUrl}/oauth/hubspot/callback`,
      now: Date.now,
    });
    const hsRefresh = await hubspotOAuth.refresh(p.hsTokens.refreshToken).then(
      () => 'accepted',
      (e: unknown) => (e instanceof HubSpotOAuthError && e.revoked ? 'revoked' : 'other'),
    );
    expect(hsRefresh).toBe('revoked');
    expect(await jobsOf(p.portal.id)).toBe(0);
    expect(await db.hubSpotInstallation.count({ where: { portalId: p.portal.id } })).toBe(0);
    const row = await db.quickBooksConnection.findUniqueOrThrow({ where: { portalId: p.portal.id } });
    expect(row).toMatchObject({ status: 'disconnected', accessToken: null, refreshToken: null });
  });
});
