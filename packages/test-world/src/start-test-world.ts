import { randomBytes } from 'node:crypto';
import { parseKeyring } from '@ledgersync/config';
import {
  createPrismaClient,
  createPrismaSyncStore,
  createTokenCipher,
  type Db,
  type TokenCipher,
} from '@ledgersync/db';
import { createTestDatabase } from '@ledgersync/db/testing';
import { RateLimiterRegistry } from '@ledgersync/hubspot';
import type { PortalAdaptersOptions, PortsFor } from '@ledgersync/portal-adapters';
import { createPortsFor } from '@ledgersync/portal-adapters';
import {
  createQuickBooksClient,
  QBO_RATE_LIMITS,
  QboQuery,
  RealmLimiterRegistry,
  RealmRateLimiter,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import { type Clock, type DrainReport, drainPortal } from '@ledgersync/sync-engine';
import { connectQuickBooks } from './connect-quickbooks.ts';
import { json } from './http.ts';
import { installHubSpotApp } from './install-hubspot-app.ts';
import { type EmulatorOptions, startEmulators } from './start-emulators.ts';
import { type TestPortal, testPortal } from './test-portal.ts';
import type { HubSpotApp, QuickBooksApp, WorldContext } from './world-context.ts';

export interface TestWorldOptions extends EmulatorOptions {
  /** Where the OAuth redirects point: the server's public URL when a test runs one. */
  readonly publicUrl?: string;
  readonly hubspotApp?: HubSpotApp;
  readonly quickbooksApp?: QuickBooksApp;
  /** The keyring, as TOKEN_ENCRYPTION_KEYS holds it; one fresh key `k1` by default. */
  readonly keys?: string;
  readonly maxConnections?: number;
}

export interface NewPortalOptions {
  /** The HubSpot account's plan (the emulated portal's). */
  readonly tier?: 'free' | 'starter' | 'professional' | 'enterprise';
  /** An emulated QuickBooks company to connect (see createQuickBooksCompany); a new one by default. */
  readonly realmId?: string;
}

export interface TestWorld extends WorldContext {
  readonly databaseUrl: string;
  readonly keys: string;
  readonly clock: Clock;
  /** The factory's options for this world: tests that need their own clock or network start from them. */
  readonly adapterOptions: PortalAdaptersOptions;
  /** The portals' adapters, as the worker builds them. */
  readonly portsFor: PortsFor;
  /** Installs the app on a fresh emulated portal and connects a QBO company, through both OAuth flows. */
  newPortal(options?: NewPortalOptions): Promise<TestPortal>;
  /** Creates an emulated QuickBooks company (e.g. a non-US one) and returns its realm id. */
  createQuickBooksCompany(input: { companyName: string; country: string }): Promise<string>;
  /**
   * Drains the portal with the engine's runner and the factory's ports until nothing is claimed;
   * nothing when the portal has no usable installation or connection (its notices wait).
   */
  drain(portalId: string, maxRounds?: number): Promise<DrainReport[]>;
  /** API requests the adapters made since the last reset, per emulator (the control API is not counted). */
  apiCalls(): Promise<{ hubspot: number; quickbooks: number; detail: unknown }>;
  resetApiCalls(): Promise<void>;
  close(): Promise<void>;
}

const clock: Clock = { now: () => new Date() };
const DEFAULT_HUBSPOT_APP: HubSpotApp = {
  appId: 4_100_001,
  clientId: 'e2e-hs-client',
  clientSecret: 'e2e-hs-secret-value',
};
const DEFAULT_QUICKBOOKS_APP: QuickBooksApp = {
  clientId: 'e2e-qb-client',
  clientSecret: 'e2e-qb-secret-value',
};

/**
 * A throwaway database, both emulators on loopback with an OAuth app registered, and portals
 * installed and connected through the emulators' real OAuth flows, stored by the same package
 * code the server's OAuth callbacks use. Servers, workers and the bench extend it.
 */
export async function startTestWorld(options: TestWorldOptions = {}): Promise<TestWorld> {
  const publicUrl = options.publicUrl ?? 'https://ledgersync.test';
  const hubspotApp = options.hubspotApp ?? DEFAULT_HUBSPOT_APP;
  const quickbooksApp = options.quickbooksApp ?? DEFAULT_QUICKBOOKS_APP;
  const keys = options.keys ?? `k1:${randomBytes(32).toString('base64')}`;
  const keyring = parseKeyring(keys);
  if (!keyring.ok) throw new Error(keyring.error);
  const cipher: TokenCipher = createTokenCipher(keyring.keys);
  const database = await createTestDatabase();
  const db: Db = createPrismaClient(database.url, { maxConnections: options.maxConnections ?? 4 });
  const emulators = await startEmulators(options, { publicUrl, hubspotApp, quickbooksApp });
  const { hubspotUrl, qboUrl } = emulators;
  const context: WorldContext = { db, cipher, publicUrl, hubspotUrl, qboUrl, hubspotApp, quickbooksApp };
  const adapterOptions: PortalAdaptersOptions = {
    db,
    cipher,
    hubspotApiBaseUrl: hubspotUrl,
    qboApiBaseUrl: qboUrl,
    rateLimiters: {
      hubspot: new RateLimiterRegistry({
        now: Date.now,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      }),
      quickbooks: new RealmLimiterRegistry(),
    },
    // Tests change a company's preferences between drains: each drain reads them afresh.
    companyProfileTtlMs: 0,
  };
  const portsFor = createPortsFor(adapterOptions);
  const store = createPrismaSyncStore(db, { now: clock.now });

  async function drain(portalId: string, maxRounds = 10): Promise<DrainReport[]> {
    // Built once per drain, as the worker's sync job does; a portal without them is not drained.
    const ports = await portsFor(portalId);
    if (!ports) return [];
    const reports: DrainReport[] = [];
    for (let round = 0; round < maxRounds; round++) {
      const report = await drainPortal({ ...ports, store, clock }, portalId);
      reports.push(report);
      if (report.claimed === 0) break;
    }
    return reports;
  }

  async function newPortal(o: NewPortalOptions = {}): Promise<TestPortal> {
    const { portalId: hub } = await json<{ portalId: number }>(`${hubspotUrl}/_emulator/portals`, {
      body: o.tier ? { tier: o.tier } : {},
    });
    const hubId = String(hub);
    const { portal, tokens: hubspot } = await installHubSpotApp(context, hubId);
    const { realmId, tokens: quickbooks } = await connectQuickBooks(context, portal.id, o.realmId);
    const qbo = createQuickBooksClient({
      baseUrl: qboUrl,
      realmId,
      tokens: staticAccessToken(quickbooks.accessToken),
      limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
      retry: { baseDelayMs: 2, maxDelayMs: 20, throttleWaitMs: 20, timeoutMs: 5_000 },
    });
    const accounts = await qbo.queryPage(
      QboQuery.select('Account').where('AccountType', '=', 'Income'),
      1,
      10,
    );
    return testPortal(
      {
        db,
        hubspotUrl,
        ports: async () => {
          const ports = await portsFor(portal.id);
          if (!ports) throw new Error(`portal ${portal.id} has no usable installation or QBO connection`);
          return ports;
        },
        drain: () => drain(portal.id),
      },
      {
        portalId: portal.id,
        hubId,
        realmId,
        hubspotToken: hubspot.accessToken,
        qboToken: quickbooks.accessToken,
        qbo,
        incomeAccountId: accounts.entities[0]?.Id ?? '',
      },
    );
  }

  return {
    ...context,
    databaseUrl: database.url,
    keys,
    clock,
    adapterOptions,
    portsFor,
    newPortal,
    createQuickBooksCompany: async (input) =>
      (await json<{ realmId: string }>(`${qboUrl}/_emulator/realms`, { body: input })).realmId,
    drain,
    async apiCalls() {
      const hs = await json<{ total: number; byRoute: Record<string, number> }>(
        `${hubspotUrl}/_emulator/requests/counts`,
      );
      const qbo = await json<{ counts: Record<string, number> }>(`${qboUrl}/_emulator/requests/counts`);
      const quickbooks = Object.values(qbo.counts).reduce((a, b) => a + b, 0);
      return { hubspot: hs.total, quickbooks, detail: { hubspot: hs.byRoute, quickbooks: qbo.counts } };
    },
    async resetApiCalls() {
      await fetch(`${hubspotUrl}/_emulator/requests`, { method: 'DELETE' });
      await fetch(`${qboUrl}/_emulator/requests`, { method: 'DELETE' });
    },
    async close() {
      await db.$disconnect();
      await emulators.close();
      await database.drop();
    },
  };
}
