import { randomBytes } from 'node:crypto';
import {
  createHubSpotInstallationRepository,
  createPrismaClient,
  createQuickBooksConnectionRepository,
  createTokenCipher,
  type Db,
  type PlanTier,
  type Portal,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../build-server.ts';
import type { ServerOptions } from '../deps.ts';
import type { ServerConfig } from '../server-config.ts';
import { fakeHubSpot, fakeQuickBooks } from './fake-gateways.ts';

export const TEST_CONFIG: ServerConfig = {
  publicUrl: 'https://ledgersync.test',
  stateSigningSecret: 's'.repeat(40),
  hubspot: {
    appId: '4100001',
    clientId: 'hs-client',
    clientSecret: 'hs-client-secret-for-tests',
    authBaseUrl: 'https://app.hubspot.test',
    scopes: ['oauth', 'crm.objects.invoices.read', 'crm.objects.invoices.write'],
    settingsUrl: 'https://app.hubspot.test/settings/{hubId}',
    recordUrl: 'https://app.hubspot.test/contacts/{hubId}/record/{objectTypeId}/{recordId}',
  },
  quickbooks: {
    clientId: 'qb-client',
    clientSecret: 'qb-client-secret',
    webhookVerifierToken: 'qb-verifier-token',
    authBaseUrl: 'https://appcenter.intuit.test',
    appBaseUrl: 'https://app.qbo.intuit.com',
  },
  defaultPlanTier: 'free',
  rateLimitPerMinute: 10_000,
  webhookDebounceMs: 0,
  bodyLimitBytes: 1_048_576,
  metricsToken: 'metrics-token-for-tests',
};

/** A server on a fresh migrated database, fake gateways and a clock the test moves. */
export async function startTestServer(options: ServerOptions = {}, config: Partial<ServerConfig> = {}) {
  const database: TestDatabase = await createTestDatabase();
  const db: Db = createPrismaClient(database.url, { maxConnections: 4 });
  const cipher = createTokenCipher(new Map([['k1', randomBytes(32)]]), 'k1');
  const hubspot = fakeHubSpot();
  const quickbooks = fakeQuickBooks();
  const clock = { now: new Date('2026-11-27T12:00:00.000Z') };
  const build = (opts: ServerOptions, patch: Partial<ServerConfig>) =>
    buildServer(
      {
        db,
        cipher,
        config: { ...TEST_CONFIG, ...patch },
        hubspot: hubspot.gateway,
        quickbooks: quickbooks.gateway,
        clock: () => clock.now,
      },
      opts,
    );
  const app = await build(options, config);
  const extraApps: FastifyInstance[] = [];
  let nextHubId = 1000;
  return {
    app,
    db,
    cipher,
    hubspot,
    quickbooks,
    clock,
    /** An installed portal with HubSpot tokens, optionally connected to a realm. */
    async portal(opts: { tier?: PlanTier; realmId?: string } = {}): Promise<Portal> {
      const hubId = BigInt(nextHubId++);
      const portal = await db.portal.create({
        data: { hubId, installedAt: clock.now, planTier: opts.tier ?? 'free' },
      });
      await createHubSpotInstallationRepository(db, cipher).save(portal.id, {
        accessToken: `hs-at-${hubId}`,
        refreshToken: `hs-rt-${hubId}`,
        accessTokenExpiresAt: new Date(clock.now.getTime() + 1800_000),
        scopes: ['oauth'],
      });
      if (opts.realmId) {
        await createQuickBooksConnectionRepository(db, cipher).connect({
          portalId: portal.id,
          realmId: opts.realmId,
          tokens: {
            accessToken: `qb-at-${opts.realmId}`,
            refreshToken: `qb-rt-${opts.realmId}`,
            accessTokenExpiresAt: new Date(clock.now.getTime() + 3600_000),
            refreshTokenExpiresAt: new Date(clock.now.getTime() + 86_400_000),
          },
          companyName: 'Acme Books',
          country: 'US',
          homeCurrency: 'USD',
          connectedAt: clock.now,
        });
      }
      return portal;
    },
    /** Calls a route as `hubspot.fetch` does: portal and user in the query, v3-signed. */
    signed(
      app: FastifyInstance,
      portal: Pick<Portal, 'hubId'>,
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      path: string,
      body?: unknown,
      tweak: { timestampMs?: number; secret?: string; userId?: string } = {},
    ) {
      // HubSpot signs every call afresh; two calls in the same millisecond would look like a replay.
      clock.now = new Date(clock.now.getTime() + 1);
      const sep = path.includes('?') ? '&' : '?';
      const url = `${path}${sep}userId=${tweak.userId ?? '7'}&userEmail=admin%40example.com&appId=${TEST_CONFIG.hubspot.appId}&portalId=${portal.hubId}`;
      const raw = body === undefined ? '' : JSON.stringify(body);
      const timestamp = String(tweak.timestampMs ?? clock.now.getTime());
      const signature = signatureV3(
        tweak.secret ?? TEST_CONFIG.hubspot.clientSecret,
        String(method),
        `${TEST_CONFIG.publicUrl}${url}`,
        raw,
        Number(timestamp),
      );
      return app.inject({
        method,
        url,
        headers: {
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': timestamp,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: raw }),
      });
    },
    /** Another app on the same database (another config), closed with this one. */
    async extraApp(opts: ServerOptions, patch: Partial<ServerConfig>) {
      const extra = await build(opts, patch);
      extraApps.push(extra);
      return extra;
    },
    async close() {
      await Promise.all([app.close(), ...extraApps.map((x) => x.close())]);
      await db.$disconnect();
      await database.drop();
    },
  };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
