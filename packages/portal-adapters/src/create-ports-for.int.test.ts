import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createPrismaClient,
  createQuickBooksConnectionRepository,
  createTokenCipher,
  type Db,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { RateLimiterRegistry } from '@ledgersync/hubspot';
import { createHubSpotEmulator } from '@ledgersync/hubspot-emulator';
import { saveHubSpotInstall } from '@ledgersync/jobs';
import { RealmLimiterRegistry } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { createPortsFor, type PortalAdaptersOptions } from './create-ports-for.ts';

// The emulators hand out grants through their control API here: how a grant is obtained is the
// OAuth routes' business; this file is about what the factory does with a stored one.

type Grant = { access_token: string; refresh_token: string };

let database: TestDatabase;
let db: Db;
let hubspot: ReturnType<typeof createHubSpotEmulator>;
let quickbooks: ReturnType<typeof createQuickBooksEmulator>;
let hubspotUrl: string;
let qboUrl: string;
const k1 = randomBytes(32);
const k2 = randomBytes(32);
// A keyring whose active key is the second: the first still decrypts what it encrypted.
const cipher = createTokenCipher(
  new Map([
    ['k1', k1],
    ['k2', k2],
  ]),
  'k2',
);

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  hubspot = createHubSpotEmulator({ rateLimits: false });
  await hubspot.listen({ host: '127.0.0.1', port: 0 });
  const address = hubspot.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  hubspotUrl = `http://127.0.0.1:${address.port}`;
  quickbooks = createQuickBooksEmulator({ rateLimits: false });
  qboUrl = await quickbooks.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await db.$disconnect();
  await hubspot.close();
  await quickbooks.close();
  await database.drop();
});

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}`);
  return (await response.json()) as T;
};

const factory = (extra: Partial<PortalAdaptersOptions> = {}) =>
  createPortsFor({
    db,
    cipher,
    hubspotApiBaseUrl: hubspotUrl,
    qboApiBaseUrl: qboUrl,
    rateLimiters: {
      hubspot: new RateLimiterRegistry({ now: Date.now, sleep: async () => {} }),
      quickbooks: new RealmLimiterRegistry(),
    },
    ...extra,
  });

/** An installed portal whose grant was stored with `storedWith`; QBO connected unless told otherwise. */
async function installedPortal(storedWith = cipher, options: { connectQuickBooks?: boolean } = {}) {
  const { portalId: hubId } = await post<{ portalId: number }>(`${hubspotUrl}/_emulator/portals`, {});
  const hs = await post<Grant>(`${hubspotUrl}/_emulator/tokens`, { portalId: hubId });
  const later = new Date(Date.now() + 30 * 60_000);
  const portal = await saveHubSpotInstall(
    db,
    storedWith,
    {
      hubId: BigInt(hubId),
      installedByUserId: null,
      tokens: {
        accessToken: hs.access_token,
        refreshToken: hs.refresh_token,
        accessTokenExpiresAt: later,
        scopes: [],
      },
    },
    new Date(),
  );
  if (options.connectQuickBooks === false) return { portal, hs };
  const { realmId } = await post<{ realmId: string }>(`${qboUrl}/_emulator/realms`, {});
  const qbo = await post<Grant>(`${qboUrl}/_emulator/tokens`, { realmId });
  const connected = await createQuickBooksConnectionRepository(db, storedWith).connect({
    portalId: portal.id,
    realmId,
    tokens: {
      accessToken: qbo.access_token,
      refreshToken: qbo.refresh_token,
      accessTokenExpiresAt: later,
      refreshTokenExpiresAt: new Date(Date.now() + 100 * 86_400_000),
    },
    connectedAt: new Date(),
  });
  expect(connected.ok).toBe(true);
  return { portal, hs };
}

describe('createPortsFor: one portal adapters from its stored tokens', () => {
  it('builds ports that reach both APIs with the stored tokens, also those encrypted under an older key of the keyring', async () => {
    const olderKey = createTokenCipher(new Map([['k1', k1]]), 'k1');
    const { portal } = await installedPortal(olderKey);
    const ports = await factory()(portal.id);
    if (!ports) throw new Error('no ports');
    await expect(ports.company.readCompanyProfile()).resolves.toMatchObject({
      ok: true,
      value: { homeCurrency: 'USD' },
    });
    await expect(ports.readers.hubspot.readByIds('customer', ['1'])).resolves.toMatchObject({ ok: true });
  });

  it('gives no ports to a portal without a QBO connection, and says so', async () => {
    const { portal } = await installedPortal(cipher, { connectQuickBooks: false });
    const unusable: string[] = [];
    expect(await factory({ onUnusable: (id) => unusable.push(id) })(portal.id)).toBeNull();
    expect(unusable).toEqual([portal.id]);
  });

  it('reads the token on every request and tells onHubSpotUnauthorized which portal and token HubSpot refused', async () => {
    const { portal, hs } = await installedPortal();
    const installations = createHubSpotInstallationRepository(db, cipher);
    const tokens = (await installations.find(portal.id))?.tokens;
    if (!tokens) throw new Error('not installed');
    await installations.save(portal.id, { ...tokens, accessToken: 'refused-token' });
    const refused: [string, string][] = [];
    const ports = await factory({
      onHubSpotUnauthorized: async (portalId, token) => {
        refused.push([portalId, token]);
        // What the token refresher does: the refreshed token is stored, and the retry reads it.
        await installations.save(portal.id, { ...tokens, accessToken: hs.access_token });
      },
    })(portal.id);
    if (!ports) throw new Error('no ports');
    await expect(ports.readers.hubspot.readByIds('customer', ['1'])).resolves.toMatchObject({ ok: true });
    expect(refused).toEqual([[portal.id, 'refused-token']]);
  });

  it('tells onApiCall how each request of either side ended', async () => {
    const { portal } = await installedPortal();
    const calls: string[] = [];
    const ports = await factory({ onApiCall: (side, outcome) => calls.push(`${side} ${outcome}`) })(
      portal.id,
    );
    if (!ports) throw new Error('no ports');
    await ports.readers.hubspot.readByIds('customer', ['1']);
    await ports.company.readCompanyProfile();
    expect(calls.filter((c) => c.startsWith('hubspot')).length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.startsWith('quickbooks')).length).toBeGreaterThan(0);
    expect(calls.every((c) => c.endsWith(' ok'))).toBe(true);
  });
});
