import {
  createPortalRepository,
  createPrismaClient,
  createPrismaSyncStore,
  type Db,
  toDbObject,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { createHubSpotEmulator } from '@ledgersync/hubspot-emulator';
import { createChangeIntake } from '@ledgersync/jobs';
import {
  createQuickBooksClient,
  QBO_RATE_LIMITS,
  QboQuery,
  type QuickBooksClient,
  RealmRateLimiter,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import {
  type Clock,
  type DrainReport,
  drainPortal,
  type RecordOf,
  type Side,
  type SyncObject,
} from '@ledgersync/sync-engine';
import { buildPortalPorts } from '../adapters/build-portal-ports.ts';
import {
  createHubSpotClient,
  ensureAppProperties,
  RateLimiterRegistry,
} from '../adapters/hubspot-adapter.ts';
import type { PortalPorts } from '../portal-ports.ts';

// End-to-end test world: both emulators on loopback, a fresh PostgreSQL database, real adapters.

export interface E2eWorld {
  readonly db: Db;
  readonly databaseUrl: string;
  readonly hubspotUrl: string;
  readonly qboUrl: string;
  readonly clock: Clock;
  newPortal(): Promise<E2ePortal>;
  /** API requests the adapters made since the last reset, per emulator (the control API is not counted). */
  apiCalls(): Promise<{ hubspot: number; quickbooks: number; detail: unknown }>;
  resetApiCalls(): Promise<void>;
  close(): Promise<void>;
}

export interface E2ePortal {
  readonly portalId: string;
  readonly hubId: string;
  readonly hubspotToken: string;
  readonly realmId: string;
  readonly qboToken: string;
  readonly qbo: QuickBooksClient;
  readonly incomeAccountId: string;
  readonly ports: PortalPorts;
  /** What a webhook would store. */
  notify(side: Side, object: SyncObject, recordId: string): Promise<void>;
  /** Drains until nothing is left that is due. */
  drain(): Promise<DrainReport[]>;
  /** The record as the adapter reads it now (throws when unreadable or missing). */
  read<O extends SyncObject>(side: Side, object: O, id: string): Promise<RecordOf<O>>;
  hs<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  hsControl<T>(path: string, body?: unknown): Promise<T>;
}

const clock: Clock = { now: () => new Date() };

async function post<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function startE2eWorld(): Promise<E2eWorld> {
  const database: TestDatabase = await createTestDatabase();
  const db = createPrismaClient(database.url);
  const hubspot = createHubSpotEmulator({ rateLimits: false });
  await hubspot.listen({ host: '127.0.0.1', port: 0 });
  const address = hubspot.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const hubspotUrl = `http://127.0.0.1:${address.port}`;
  const quickbooks = createQuickBooksEmulator({ rateLimits: false });
  const qboUrl = await quickbooks.listen({ host: '127.0.0.1', port: 0 });
  const limits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });

  return {
    db,
    databaseUrl: database.url,
    hubspotUrl,
    qboUrl,
    clock,
    async newPortal() {
      const { portalId: hubId } = await post<{ portalId: number }>(`${hubspotUrl}/_emulator/portals`, {});
      const token = await post<{ access_token: string }>(`${hubspotUrl}/_emulator/tokens`, {
        portalId: hubId,
      });
      const { realmId } = await post<{ realmId: string }>(`${qboUrl}/_emulator/realms`, {});
      const qboToken = await post<{ access_token: string }>(`${qboUrl}/_emulator/tokens`, { realmId });
      const qbo = createQuickBooksClient({
        baseUrl: qboUrl,
        realmId,
        tokens: staticAccessToken(qboToken.access_token),
        limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
        retry: { baseDelayMs: 2, maxDelayMs: 20, throttleWaitMs: 20, timeoutMs: 5_000 },
      });
      const accounts = await qbo.queryPage(
        QboQuery.select('Account').where('AccountType', '=', 'Income'),
        1,
        10,
      );
      const incomeAccountId = accounts.entities[0]?.Id ?? '';
      const portal = await createPortalRepository(db).upsertInstalled(
        BigInt(hubId),
        new Date(),
        'professional',
      );
      await db.quickBooksConnection.create({
        data: { portalId: portal.id, realmId, connectedAt: new Date() },
      });
      const hubspotClient = createHubSpotClient({
        basePath: hubspotUrl,
        portalId: String(hubId),
        accessToken: async () => token.access_token,
        rateLimiter: limits.forPortal(String(hubId)),
        retry: { baseDelayMs: 2, maxDelayMs: 20 },
      });
      await ensureAppProperties(hubspotClient);
      const ports = buildPortalPorts({
        hubspot: hubspotClient,
        quickbooks: {
          baseUrl: qboUrl,
          realmId,
          tokens: staticAccessToken(qboToken.access_token),
          limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
        },
        customLineItemIncomeAccountId: incomeAccountId,
        now: Date.now,
      });
      const store = createPrismaSyncStore(db, { now: clock.now });
      const intake = createChangeIntake(db, { debounceMs: 60_000 });
      let events = 0;
      return {
        portalId: portal.id,
        hubId: String(hubId),
        hubspotToken: token.access_token,
        realmId,
        qboToken: qboToken.access_token,
        qbo,
        incomeAccountId,
        ports,
        async notify(side, object, recordId) {
          await intake.record([
            {
              portalId: portal.id,
              side,
              object: toDbObject(object),
              recordId,
              // Event ids are unique per side across portals, as HubSpot's and Intuit's are.
              eventId: `e2e-${portal.id}-${++events}-${recordId}`,
            },
          ]);
        },
        async drain() {
          const reports: DrainReport[] = [];
          for (let i = 0; i < 10; i++) {
            const report = await drainPortal({ ...ports, store, clock }, portal.id);
            reports.push(report);
            if (report.claimed === 0) break;
          }
          return reports;
        },
        async read(side, object, id) {
          const result = await ports.readers[side].readByIds(object, [id]);
          const found = result.ok ? result.value.records[0] : undefined;
          if (!found) throw new Error(`cannot read ${side} ${object} ${id}: ${JSON.stringify(result)}`);
          return found.record;
        },
        hs: (path, init = {}) =>
          post(
            `${hubspotUrl}${path}`,
            init.body,
            { authorization: `Bearer ${token.access_token}` },
            init.method ?? 'GET',
          ),
        hsControl: (path, body) => post(`${hubspotUrl}/_emulator${path}`, body ?? {}),
      };
    },
    async apiCalls() {
      const hs = await post<{ total: number; byRoute: Record<string, number> }>(
        `${hubspotUrl}/_emulator/requests/counts`,
        undefined,
        {},
        'GET',
      );
      const qbo = await post<{ counts: Record<string, number> }>(
        `${qboUrl}/_emulator/requests/counts`,
        undefined,
        {},
        'GET',
      );
      const qboTotal = Object.values(qbo.counts).reduce((a, b) => a + b, 0);
      return {
        hubspot: hs.total,
        quickbooks: qboTotal,
        detail: { hubspot: hs.byRoute, quickbooks: qbo.counts },
      };
    },
    async resetApiCalls() {
      await fetch(`${hubspotUrl}/_emulator/requests`, { method: 'DELETE' });
      await fetch(`${qboUrl}/_emulator/requests`, { method: 'DELETE' });
    },
    async close() {
      await db.$disconnect();
      await hubspot.close();
      await quickbooks.close();
      await database.drop();
    },
  };
}
