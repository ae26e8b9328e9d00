import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createQuickBooksConnectionRepository,
  type TokenCipher,
} from '@ledgersync/db';
import {
  batchReadObjects,
  createHubSpotClient,
  HubSpotCallError,
  RateLimiterRegistry,
} from '@ledgersync/hubspot';
import { createQuickBooksClient, QboQuery, staticAccessToken } from '@ledgersync/quickbooks';
import { startTestWorld, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { portalGate } from '../portal-gate.ts';
import { refreshExpiringTokens } from '../tasks/refresh-tokens-task.ts';
import { createOAuthClients } from './create-oauth-clients.ts';
import { createTokenRefresher } from './token-refresher.ts';

let world: TestWorld;
let cipher: TokenCipher;
beforeAll(async () => {
  world = await startTestWorld();
  cipher = world.cipher;
});
afterAll(() => world.close());

const post = async <T>(url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} → ${res.status}`);
  return (await res.json()) as T;
};
type Grant = { access_token: string; refresh_token: string };

/** A portal whose HubSpot and QBO access tokens, from the emulators, expire in five minutes. */
async function portalWithExpiringTokens(): Promise<{ p: TestPortal; hubspot: Grant; quickbooks: Grant }> {
  const p = await world.newPortal();
  const hubspot = await post<Grant>(`${world.hubspotUrl}/_emulator/tokens`, { portalId: Number(p.hubId) });
  const quickbooks = await post<Grant>(`${world.qboUrl}/_emulator/tokens`, { realmId: p.realmId });
  const soon = new Date(Date.now() + 5 * 60_000);
  await createHubSpotInstallationRepository(world.db, cipher).save(p.portalId, {
    accessToken: hubspot.access_token,
    refreshToken: hubspot.refresh_token,
    accessTokenExpiresAt: soon,
    scopes: ['crm.objects.contacts.read'],
  });
  await createQuickBooksConnectionRepository(world.db, cipher).saveTokens(p.portalId, {
    accessToken: quickbooks.access_token,
    refreshToken: quickbooks.refresh_token,
    accessTokenExpiresAt: soon,
    refreshTokenExpiresAt: new Date(Date.now() + 100 * 86_400_000),
  });
  return { p, hubspot, quickbooks };
}

const refresher = () =>
  createTokenRefresher({
    db: world.db,
    cipher,
    oauth: createOAuthClients({
      HUBSPOT_API_BASE_URL: world.hubspotUrl,
      HUBSPOT_CLIENT_ID: world.hubspotApp.clientId,
      HUBSPOT_CLIENT_SECRET: world.hubspotApp.clientSecret,
      QBO_CLIENT_ID: world.quickbooksApp.clientId,
      QBO_CLIENT_SECRET: world.quickbooksApp.clientSecret,
      QBO_TOKEN_BASE_URL: world.qboUrl,
    }),
  });

describe('token refresh through the adapters OAuth, against the emulators (R-CON-1, R-CON-2, R-ERR-7)', () => {
  it('refreshes HubSpot and QBO tokens ahead of expiry and stores the rotated set before use', async () => {
    const { p, hubspot, quickbooks } = await portalWithExpiringTokens();
    const report = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(report).toEqual({ refreshed: 2, revoked: [], failed: 0 });

    const installation = await createHubSpotInstallationRepository(world.db, cipher).find(p.portalId);
    const connection = await createQuickBooksConnectionRepository(world.db, cipher).find(p.portalId);
    expect(installation?.tokens.accessToken).not.toBe(hubspot.access_token);
    expect(installation?.tokens.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 15 * 60_000);
    expect(connection?.tokens?.accessToken).not.toBe(quickbooks.access_token);
    expect(connection?.tokens?.refreshToken).not.toBe(quickbooks.refresh_token);
    expect(connection?.status).toBe('connected');

    // The stored tokens are the ones the emulators now accept.
    const contacts = await fetch(`${world.hubspotUrl}/crm/v3/objects/contacts?limit=1`, {
      headers: { authorization: `Bearer ${installation?.tokens.accessToken}` },
    });
    expect(contacts.status).toBe(200);
    const qbo = createQuickBooksClient({
      baseUrl: world.qboUrl,
      realmId: p.realmId,
      tokens: staticAccessToken(connection?.tokens?.accessToken ?? ''),
    });
    expect((await qbo.queryPage(QboQuery.select('Account'), 1, 1)).entities).toHaveLength(1);

    // Nothing is due any more: a second run asks the token endpoints nothing for this portal.
    const again = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(again).toEqual({ refreshed: 0, revoked: [], failed: 0 });
  });

  it('a QBO grant revoked at Intuit marks the connection needs_reauth and pauses the portal', async () => {
    const { p, quickbooks } = await portalWithExpiringTokens();
    const basic = Buffer.from(`${world.quickbooksApp.clientId}:${world.quickbooksApp.clientSecret}`).toString(
      'base64',
    );
    const revoked = await fetch(`${world.qboUrl}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
      body: JSON.stringify({ token: quickbooks.refresh_token }),
    });
    expect(revoked.status).toBe(200);

    const report = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(report.revoked).toEqual([p.portalId]);
    const row = await world.db.quickBooksConnection.findUniqueOrThrow({ where: { portalId: p.portalId } });
    // What the settings page and the card read (`connection.status`).
    expect(row.status).toBe('needs_reauth');
    expect(await portalGate(world.db, p.portalId)).toBe('paused');
    // The paused connection is not asked again on every run.
    const again = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(again.revoked).toEqual([]);
  });

  it('a HubSpot refresh refused (grant revoked) marks the installation needs_reauth and pauses the portal until a new install', async () => {
    const { p, hubspot } = await portalWithExpiringTokens();
    const revoked = await fetch(`${world.hubspotUrl}/oauth/v1/refresh-tokens/${hubspot.refresh_token}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(204);

    const report = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(report).toEqual({ refreshed: 1, revoked: [p.portalId], failed: 0 });
    const installations = createHubSpotInstallationRepository(world.db, cipher);
    expect((await installations.find(p.portalId))?.status).toBe('needs_reauth');
    // Paused like a QBO needs_reauth: the drain does not run, its notices wait.
    expect(await portalGate(world.db, p.portalId)).toBe('paused');
    // HubSpot is not asked again on every run.
    const again = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(again).toEqual({ refreshed: 0, revoked: [], failed: 0 });

    // Installing the app again (the OAuth callback's saveInstall) clears it.
    const fresh = await post<Grant>(`${world.hubspotUrl}/_emulator/tokens`, { portalId: Number(p.hubId) });
    await installations.saveInstall(
      p.portalId,
      {
        accessToken: fresh.access_token,
        refreshToken: fresh.refresh_token,
        accessTokenExpiresAt: new Date(Date.now() + 30 * 60_000),
        scopes: [],
      },
      { appPropertiesVersion: 0 },
    );
    expect(await portalGate(world.db, p.portalId)).toBe('active');
  });

  it('a token endpoint that fails (5xx, dropped connection) is a failed refresh: both connections stay as they are, and the next run refreshes', async () => {
    const { p } = await portalWithExpiringTokens();
    const fault = (url: string, rule: Record<string, unknown>) => post(`${url}/_emulator/faults`, rule);
    for (const rule of [{ status: 503 }, { drop: true }]) {
      await fault(world.hubspotUrl, { path: '/oauth/v1/token', ...rule });
      await fault(world.qboUrl, { path: '/oauth2/v1/tokens/bearer', ...rule });
      const report = await refreshExpiringTokens({
        db: world.db,
        clock: world.clock,
        refresher: refresher(),
      });
      expect({ rule, report }).toEqual({ rule, report: { refreshed: 0, revoked: [], failed: 2 } });
      expect((await createHubSpotInstallationRepository(world.db, cipher).find(p.portalId))?.status).toBe(
        'active',
      );
      expect((await createQuickBooksConnectionRepository(world.db, cipher).find(p.portalId))?.status).toBe(
        'connected',
      );
      expect(await portalGate(world.db, p.portalId)).toBe('active');
    }
    const again = await refreshExpiringTokens({ db: world.db, clock: world.clock, refresher: refresher() });
    expect(again).toEqual({ refreshed: 2, revoked: [], failed: 0 });
  });

  describe("the HubSpot adapters' 401 path", () => {
    /** A client as the worker wires it: token read from the database, a 401 asks the refresher. */
    const clientFor = (portalId: string, hubId: string, onUnauthorized: (token: string) => Promise<void>) => {
      const installations = createHubSpotInstallationRepository(world.db, cipher);
      return createHubSpotClient({
        basePath: world.hubspotUrl,
        portalId: hubId,
        accessToken: async () => (await installations.find(portalId))?.tokens.accessToken ?? '',
        onUnauthorized,
        rateLimiter: new RateLimiterRegistry({ now: Date.now, sleep: async () => {} }).forPortal(portalId),
        retry: { maxAttempts: 1 },
      });
    };
    const readGroups = (client: ReturnType<typeof clientFor>) =>
      client.call('standard', (sdk) => sdk.crm.properties.groupsApi.getAllWithHttpInfo('contacts'));
    /** The stored access token is one HubSpot no longer accepts. */
    async function rejectedAccessToken(p: TestPortal, hubspot: Grant): Promise<void> {
      await createHubSpotInstallationRepository(world.db, cipher).save(p.portalId, {
        accessToken: 'no-longer-valid',
        refreshToken: hubspot.refresh_token,
        accessTokenExpiresAt: new Date(Date.now() + 30 * 60_000),
        scopes: [],
      });
    }

    /** Requests HubSpot's token endpoint has answered so far. */
    const tokenCalls = async () =>
      (
        (await (await fetch(`${world.hubspotUrl}/_emulator/requests`)).json()) as {
          requests: { path?: string; url?: string }[];
        }
      ).requests.filter((r) => (r.path ?? r.url ?? '').startsWith('/oauth/v1/token')).length;

    it('a 401 refreshes once (concurrent calls share the refresh) and the retry succeeds', async () => {
      const { p, hubspot } = await portalWithExpiringTokens();
      await rejectedAccessToken(p, hubspot);
      const tokenRefresher = refresher();
      const client = clientFor(p.portalId, p.hubId, (t) =>
        tokenRefresher.refreshHubSpotAfterRejection(p.portalId, t),
      );
      const before = await tokenCalls();
      await Promise.all(Array.from({ length: 10 }, () => readGroups(client)));
      expect((await tokenCalls()) - before).toBe(1);
      const installation = await createHubSpotInstallationRepository(world.db, cipher).find(p.portalId);
      expect(installation?.status).toBe('active');
      expect(installation?.tokens.accessToken).not.toBe('no-longer-valid');
    });

    it('a token that stopped working mid-batch: one refresh, one retry, no failure', async () => {
      const { p, hubspot } = await portalWithExpiringTokens();
      await rejectedAccessToken(p, hubspot);
      const tokenRefresher = refresher();
      const client = clientFor(p.portalId, p.hubId, (t) =>
        tokenRefresher.refreshHubSpotAfterRejection(p.portalId, t),
      );
      const before = await tokenCalls();
      const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
      await expect(batchReadObjects(client, 'products', ids, ['name'])).resolves.toMatchObject({ found: [] });
      expect((await tokenCalls()) - before).toBe(1);
    });

    it('a 401 whose refresh HubSpot refuses marks the installation needs_reauth (the call fails, retryable later)', async () => {
      const { p, hubspot } = await portalWithExpiringTokens();
      await rejectedAccessToken(p, hubspot);
      await fetch(`${world.hubspotUrl}/oauth/v1/refresh-tokens/${hubspot.refresh_token}`, {
        method: 'DELETE',
      });
      const tokenRefresher = refresher();
      const client = clientFor(p.portalId, p.hubId, (t) =>
        tokenRefresher.refreshHubSpotAfterRejection(p.portalId, t),
      );
      const failure = await readGroups(client).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(HubSpotCallError);
      expect((failure as HubSpotCallError).failure.status).toBe(401);
      expect((await createHubSpotInstallationRepository(world.db, cipher).find(p.portalId))?.status).toBe(
        'needs_reauth',
      );
      expect(await portalGate(world.db, p.portalId)).toBe('paused');
    });
  });
});
