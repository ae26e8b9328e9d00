import {
  createPortalRepository,
  createPrismaClient,
  createSyncSettingsRepository,
  type Db,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { RateLimiterRegistry } from '@ledgersync/hubspot';
import { createHubSpotEmulator } from '@ledgersync/hubspot-emulator';
import { QBO_RATE_LIMITS, RealmRateLimiter } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import type { BenchRateLimits } from '../measure/rate-limits.ts';
import { json } from './http.ts';
import { portalPorts } from './portal-ports.ts';

export interface BenchPortal {
  readonly portalId: string;
  readonly hubId: string;
  readonly hubspotToken: string;
  readonly realmId: string;
  readonly qboToken: string;
  readonly incomeAccountId: string;
}

export interface BenchWorld {
  readonly db: Db;
  readonly databaseUrl: string;
  readonly hubspotUrl: string;
  readonly qboUrl: string;
  readonly limits: BenchRateLimits;
  newPortal(): Promise<BenchPortal>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly limits: BenchRateLimits;
  /** Fixed delay added to every API call (not control calls), simulating real round trips. */
  readonly perCallDelayMs: number;
}

/** Both emulators on loopback with their rate limits on, a fresh migrated database, no worker yet. */
export async function startWorld(options: WorldOptions): Promise<BenchWorld> {
  const database: TestDatabase = await createTestDatabase();
  const db = createPrismaClient(database.url);
  const hubspot = createHubSpotEmulator({ rateLimits: { ...options.limits.hubspot } });
  await hubspot.listen({ host: '127.0.0.1', port: 0 });
  const address = hubspot.server.address();
  if (address === null || typeof address === 'string') throw new Error('HubSpot emulator has no port');
  const hubspotUrl = `http://127.0.0.1:${address.port}`;
  const quickbooks = createQuickBooksEmulator({ rateLimits: { ...options.limits.quickbooks } });
  const qboUrl = await quickbooks.listen({ host: '127.0.0.1', port: 0 });
  if (options.perCallDelayMs > 0) {
    // A delay-only fault on every API path, effectively unlimited in count.
    const delay = { count: 1e9, delayMs: options.perCallDelayMs };
    await json(`${hubspotUrl}/_emulator/faults`, { body: { ...delay, path: '/crm' } });
    await json(`${qboUrl}/_emulator/faults`, { body: { ...delay, path: '/v3/company' } });
  }
  // Only for the install step here; the worker process has its own limiters.
  const hubspotLimits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });

  return {
    db,
    databaseUrl: database.url,
    hubspotUrl,
    qboUrl,
    limits: options.limits,
    async newPortal() {
      const { portalId: hub } = await json<{ portalId: number }>(`${hubspotUrl}/_emulator/portals`, {
        body: {},
      });
      const hubId = String(hub);
      const hsToken = await json<{ access_token: string }>(`${hubspotUrl}/_emulator/tokens`, {
        body: { portalId: hub },
      });
      const { realmId } = await json<{ realmId: string }>(`${qboUrl}/_emulator/realms`, { body: {} });
      const qboToken = await json<{ access_token: string }>(`${qboUrl}/_emulator/tokens`, {
        body: { realmId },
      });
      const seeded = await json<{ Account: { Id: string }[] }>(`${qboUrl}/_emulator/realms/${realmId}/seed`, {
        body: { Account: [{ Name: `Bench income ${realmId}`, AccountType: 'Income' }] },
      });
      const incomeAccountId = seeded.Account[0]?.Id ?? '';
      const portal = await createPortalRepository(db).upsertInstalled(
        BigInt(hub),
        new Date(),
        'professional',
      );
      await db.quickBooksConnection.create({
        data: { portalId: portal.id, realmId, connectedAt: new Date() },
      });
      const settings = createSyncSettingsRepository(db);
      const startedAt = new Date(Date.now() - 60_000);
      for (const object of ['contacts', 'products', 'invoices'] as const) {
        await settings.save(portal.id, object, {
          enabled: true,
          direction: 'two_way',
          syncStartedAt: startedAt,
          ...(object === 'invoices' ? { customLineItemIncomeAccountId: incomeAccountId } : {}),
        });
      }
      const access = {
        hubspotUrl,
        hubId,
        hubspotToken: hsToken.access_token,
        qboUrl,
        realmId,
        qboToken: qboToken.access_token,
        incomeAccountId,
      };
      await portalPorts(
        {
          ...access,
          hubspotLimiter: hubspotLimits.forPortal(hubId),
          qboLimiter: new RealmRateLimiter(QBO_RATE_LIMITS),
        },
        { ensureProperties: true },
      );
      return {
        portalId: portal.id,
        hubId,
        realmId,
        qboToken: qboToken.access_token,
        hubspotToken: hsToken.access_token,
        incomeAccountId,
      };
    },
    async close() {
      await db.$disconnect();
      await hubspot.close();
      await quickbooks.close();
      await database.drop();
    },
  };
}
