import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createChangeIntake,
  createHubSpotInstallationRepository,
  createPrismaClient,
  createQuickBooksConnectionRepository,
  createTokenCipher,
  type Db,
  parseKeyring,
  type TokenCipher,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { createOAuthClient, HubSpotOAuthError, REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { createHubSpotEmulator, signatureV3 } from '@ledgersync/hubspot-emulator';
import { createQuickBooksOAuth, intuitEndpointsAt, QboError } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import type { FastifyInstance } from 'fastify';
import { createHubSpotPackageGateway } from '../adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from '../adapters/quickbooks-package-gateway.ts';
import { buildServer } from '../build-server.ts';
import type { ServerConfig } from '../server-config.ts';
import { TEST_CONFIG } from '../testing/test-server.ts';

// R-CON-3 through the server's real gateways against both emulators: the grant is revoked at the
// provider (the emulator refuses the old tokens afterwards) and no job is left for the portal.

const PUBLIC_URL = 'https://ledgersync.test';
const HS = { clientId: 'rv-hs-client', clientSecret: 'rv-hs-secret-value', appId: 4_100_002 };
const QB = { clientId: 'rv-qb-client', clientSecret: 'rv-qb-secret-value' };

let database: TestDatabase;
let db: Db;
let cipher: TokenCipher;
let hubspot: FastifyInstance;
let qbo: Awaited<ReturnType<typeof createQuickBooksEmulator>>;
let server: FastifyInstance;
let hubspotUrl: string;
let qboUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url, { maxConnections: 4 });
  hubspot = createHubSpotEmulator({
    rateLimits: false,
    app: {
      appId: HS.appId,
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      redirectUris: [`${PUBLIC_URL}/oauth/hubspot/callback`],
    },
  });
  await hubspot.listen({ host: '127.0.0.1', port: 0 });
  const address = hubspot.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  hubspotUrl = `http://127.0.0.1:${address.port}`;
  qbo = createQuickBooksEmulator({
    rateLimits: false,
    clientId: QB.clientId,
    clientSecret: QB.clientSecret,
    redirectUris: [`${PUBLIC_URL}/oauth/quickbooks/callback`],
  });
  qboUrl = await qbo.listen({ host: '127.0.0.1', port: 0 });
  const keyring = parseKeyring(`k1:${randomBytes(32).toString('base64')}`);
  if (!keyring.ok) throw new Error(keyring.error);
  cipher = createTokenCipher(keyring.keys, 'k1');
  const config: ServerConfig = {
    ...TEST_CONFIG,
    publicUrl: PUBLIC_URL,
    hubspot: {
      ...TEST_CONFIG.hubspot,
      appId: String(HS.appId),
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      authBaseUrl: hubspotUrl,
      scopes: REQUIRED_SCOPE_LIST,
    },
    quickbooks: { ...TEST_CONFIG.quickbooks, clientId: QB.clientId, clientSecret: QB.clientSecret },
  };
  server = await buildServer(
    {
      db,
      cipher,
      config,
      hubspot: createHubSpotPackageGateway({
        basePath: hubspotUrl,
        clientId: HS.clientId,
        clientSecret: HS.clientSecret,
        redirectUri: `${PUBLIC_URL}/oauth/hubspot/callback`,
        now: Date.now,
      }),
      quickbooks: createQuickBooksPackageGateway({
        apiBaseUrl: qboUrl,
        clientId: QB.clientId,
        clientSecret: QB.clientSecret,
        redirectUri: `${PUBLIC_URL}/oauth/quickbooks/callback`,
        environment: 'sandbox',
        endpoints: intuitEndpointsAt(qboUrl),
      }),
    },
    { logger: { level: 'error' } },
  );
});
afterAll(async () => {
  await server?.close();
  await hubspot?.close();
  await qbo?.close();
  await db?.$disconnect();
  await database?.drop();
});

const signed = (hubId: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => {
  const url = `${path}?userId=1&appId=${HS.appId}&portalId=${hubId}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = String(Date.now());
  return server.inject({
    method,
    url,
    headers: {
      'x-hubspot-request-timestamp': ts,
      'x-hubspot-signature-v3': signatureV3(HS.clientSecret, method, `${PUBLIC_URL}${url}`, raw, Number(ts)),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: raw }),
  });
};
const followTo = async (url: string): Promise<URL> => {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
};
const local = (u: URL) => `${u.pathname}${u.search}`;

/** Installs the app on a fresh emulated portal, connects QBO, turns contacts on and queues a drain. */
async function installedSyncingPortal() {
  const created = await fetch(`${hubspotUrl}/_emulator/portals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tier: 'professional' }),
  });
  const hubId = String(((await created.json()) as { portalId: number }).portalId);
  const install = await server.inject({ method: 'GET', url: '/oauth/hubspot/install' });
  const authorize = new URL(install.headers.location as string);
  authorize.searchParams.set('portalId', hubId);
  authorize.searchParams.set('approve', '1');
  expect(
    (await server.inject({ method: 'GET', url: local(await followTo(authorize.toString())) })).statusCode,
  ).toBe(302);
  const portal = await db.portal.findUniqueOrThrow({ where: { hubId: BigInt(hubId) } });
  const start = await signed(hubId, 'POST', '/api/v1/connections/quickbooks');
  const consent = new URL(start.json().authorizeUrl);
  const back = await followTo(`${qboUrl}/connect/oauth2/approve${consent.search}`);
  expect((await server.inject({ method: 'GET', url: local(back) })).statusCode).toBe(302);
  expect(
    (await signed(hubId, 'PUT', '/api/v1/settings/objects/contacts', { enabled: true })).statusCode,
  ).toBe(200);
  await createChangeIntake(db, { debounceMs: 60_000 }).record([
    { portalId: portal.id, side: 'hubspot', object: 'contacts', recordId: '1', eventId: `rv-${hubId}` },
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
      await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'portalId' = ${portalId}`
    )[0]?.n ?? 0,
  );

/** What Intuit (the emulator) says about a grant: is its refresh token refused, its access token too? */
async function quickBooksGrantRefused(
  realmId: string,
  tokens: { accessToken: string; refreshToken: string },
) {
  const oauth = createQuickBooksOAuth({
    clientId: QB.clientId,
    clientSecret: QB.clientSecret,
    redirectUri: `${PUBLIC_URL}/oauth/quickbooks/callback`,
    endpoints: intuitEndpointsAt(qboUrl),
  });
  const refresh = await oauth.refresh(realmId, tokens.refreshToken).then(
    () => 'accepted',
    (e: unknown) => (e instanceof QboError ? e.code : 'other'),
  );
  return { refresh, api: await qboApiStatus(realmId, tokens.accessToken) };
}

async function qboApiStatus(realmId: string, accessToken: string): Promise<number> {
  const res = await fetch(`${qboUrl}/v3/company/${realmId}/companyinfo/${realmId}`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  return res.status;
}

describe('revoke on disconnect and uninstall (R-CON-3), server + emulators', () => {
  it('disconnecting QBO revokes the grant at Intuit and leaves no job for the portal', async () => {
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
    const p = await installedSyncingPortal();
    const res = await signed(p.hubId, 'POST', '/api/v1/app/uninstall');
    expect(res.json()).toEqual({ status: 'uninstalled' });

    expect((await quickBooksGrantRefused(p.realmId, p.qboTokens)).refresh).toBe('AuthorizationRevoked');
    const hubspotOAuth = createOAuthClient({
      basePath: hubspotUrl,
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      redirectUri: `${PUBLIC_URL}/oauth/hubspot/callback`,
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
