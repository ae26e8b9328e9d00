import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { createQuickBooksClient, type RateLimits, staticAccessToken } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { createSharedRateLimiters } from './create-shared-rate-limiters.ts';

// Each `createSharedRateLimiters` call stands for one process: it shares nothing with another but
// the database. Times are taken on this side: a permit is observed after the database granted it
// and given back before the database records its return, so what is counted here can only be
// less than what the database counted.

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const qbo = (limits: Partial<RateLimits>): RateLimits => ({
  requestsPerWindow: 1000,
  batchesPerWindow: 1000,
  concurrent: 1000,
  windowMs: 60_000,
  ...limits,
});

interface Use {
  readonly from: number;
  readonly to: number;
}

/** The most permits counted at once, each from when it was granted until `windowMs` after it came back. */
function mostInWindow(uses: readonly Use[], windowMs: number): number {
  return Math.max(
    ...uses.map((u) => uses.filter((v) => v.from <= u.from && u.from < v.to + windowMs).length),
  );
}

/** The most permits held at once. */
function mostHeld(uses: readonly Use[]): number {
  return Math.max(...uses.map((u) => uses.filter((v) => v.from <= u.from && u.from < v.to).length));
}

async function use(acquire: () => Promise<() => void>, holdMs = 0): Promise<Use> {
  const release = await acquire();
  const from = Date.now();
  if (holdMs > 0) await sleep(holdMs);
  const to = Date.now();
  release();
  return { from, to };
}

const pausedUntil = async (key: string) =>
  (await db.rateBudget.findUnique({ where: { key } }))?.pausedUntilMs ?? 0n;
const grantedAt = (permit: { leaseUntilMs: bigint }, leaseMs: number) =>
  permit.leaseUntilMs - BigInt(leaseMs);

describe('rate limits shared through the database', () => {
  it("two processes on one realm never take more than the window's requests and batches together", async () => {
    const limits = qbo({ requestsPerWindow: 5, batchesPerWindow: 2, windowMs: 1000 });
    const a = createSharedRateLimiters(db, { quickbooks: limits }).quickbooks.forRealm('realm-window');
    const b = createSharedRateLimiters(db, { quickbooks: limits }).quickbooks.forRealm('realm-window');
    const requests = Array.from({ length: 12 }, (_, i) => use(() => (i % 2 ? a : b).acquire('request')));
    const batches = Array.from({ length: 4 }, (_, i) => use(() => (i % 2 ? a : b).acquire('batch')));
    const batchUses = await Promise.all(batches);
    const all = [...(await Promise.all(requests)), ...batchUses];
    expect(all).toHaveLength(16);
    expect(mostInWindow(all, 1000)).toBeLessThanOrEqual(5);
    expect(mostInWindow(batchUses, 1000)).toBeLessThanOrEqual(2);
  });

  it('two processes on one realm never hold more than its concurrent slots together', async () => {
    const limits = qbo({ concurrent: 3 });
    const a = createSharedRateLimiters(db, { quickbooks: limits }).quickbooks.forRealm('realm-slots');
    const b = createSharedRateLimiters(db, { quickbooks: limits }).quickbooks.forRealm('realm-slots');
    const uses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => use(() => (i % 2 ? a : b).acquire('request'), 40)),
    );
    expect(uses).toHaveLength(16);
    expect(mostHeld(uses)).toBeLessThanOrEqual(3);
    expect(mostHeld(uses)).toBeGreaterThan(1);
  });

  it('a 429 seen by one process pauses the realm for the other', async () => {
    const leaseMs = 10_000;
    const a = createSharedRateLimiters(db, { leaseMs }).quickbooks.forRealm('realm-paused');
    const b = createSharedRateLimiters(db, { leaseMs }).quickbooks.forRealm('realm-paused');
    a.pause(700);
    for (let i = 0; (await pausedUntil('qbo:realm-paused')) === 0n; i++) {
      if (i > 100) throw new Error('the pause was never recorded');
      await sleep(10);
    }
    const release = await b.acquire('request');
    const permit = await db.ratePermit.findFirstOrThrow({ where: { budgetKey: 'qbo:realm-paused' } });
    release();
    expect(grantedAt(permit, leaseMs)).toBeGreaterThanOrEqual(await pausedUntil('qbo:realm-paused'));
  });

  it('a permit of a process that died holding it frees its slot when its lease ends', async () => {
    const leaseMs = 600;
    const limits = qbo({ concurrent: 1 });
    const dead = createSharedRateLimiters(db, { quickbooks: limits, leaseMs }).quickbooks.forRealm(
      'realm-lease',
    );
    const alive = createSharedRateLimiters(db, { quickbooks: limits, leaseMs }).quickbooks.forRealm(
      'realm-lease',
    );
    await dead.acquire('request'); // never given back
    const held = await db.ratePermit.findFirstOrThrow({ where: { budgetKey: 'qbo:realm-lease' } });
    const release = await alive.acquire('request');
    const permits = await db.ratePermit.findMany({
      where: { budgetKey: 'qbo:realm-lease' },
      orderBy: { id: 'asc' },
    });
    release();
    expect(permits).toHaveLength(2);
    expect(grantedAt(permits[1]!, leaseMs)).toBeGreaterThanOrEqual(held.leaseUntilMs);
  });

  it("two processes on one HubSpot portal share its burst and search budgets; a 429's hold stops both", async () => {
    const hubspot = { perInterval: 4, intervalMs: 1000, searchPerSecond: 2 };
    const a = createSharedRateLimiters(db, { hubspot }).hubspot.forPortal('42');
    const b = createSharedRateLimiters(db, { hubspot }).hubspot.forPortal('42');
    const standard = await Promise.all(
      Array.from({ length: 10 }, (_, i) => use(() => (i % 2 ? a : b).acquire('standard'))),
    );
    const search = await Promise.all(
      Array.from({ length: 5 }, (_, i) => use(() => (i % 2 ? a : b).acquire('search'))),
    );
    expect(mostInWindow(standard, 1000)).toBeLessThanOrEqual(4);
    expect(mostInWindow(search, 1000)).toBeLessThanOrEqual(2);

    a.holdFor('standard', 500);
    for (let i = 0; (await pausedUntil('hubspot:42')) === 0n; i++) {
      if (i > 100) throw new Error('the hold was never recorded');
      await sleep(10);
    }
    const before = await db.ratePermit.count({ where: { budgetKey: 'hubspot:42' } });
    const release = await b.acquire('standard');
    const newest = await db.ratePermit.findFirstOrThrow({
      where: { budgetKey: 'hubspot:42' },
      orderBy: { id: 'desc' },
    });
    release();
    expect(before).toBeGreaterThan(0);
    expect(grantedAt(newest, 30_000)).toBeGreaterThanOrEqual(await pausedUntil('hubspot:42'));
  });
});

describe('two QBO clients of one realm against the emulator at scaled-down limits', () => {
  it('stay within the calls per window and the concurrent requests together: QBO refuses none', async () => {
    // Intuit's 500 a minute and 10 at once, scaled to 8 a second and 3 at once.
    const emulator = createQuickBooksEmulator({
      rateLimits: { perMinute: 8, batchPerMinute: 8, concurrent: 3, windowMs: 1000 },
    });
    const baseUrl = await emulator.listen({ host: '127.0.0.1', port: 0 });
    try {
      const control = async <T>(path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${baseUrl}/_emulator${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
        });
        return (await response.json()) as T;
      };
      const { realmId } = await control<{ realmId: string }>('/realms', {});
      const { access_token } = await control<{ access_token: string }>('/tokens', { realmId });
      const limits = qbo({ requestsPerWindow: 8, batchesPerWindow: 8, concurrent: 3, windowMs: 1000 });
      const client = () =>
        createQuickBooksClient({
          baseUrl,
          realmId,
          tokens: staticAccessToken(access_token),
          limiter: createSharedRateLimiters(db, { quickbooks: limits }).quickbooks.forRealm(realmId),
          // A 429 would fail the call at once instead of being waited out.
          retry: { maxThrottleRetries: 0, maxRetries: 0 },
        });
      const [one, two] = [client(), client()];
      await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? one : two).preferences()));
      const { requests } = await control<{ requests: { status: number; realmId?: string }[] }>('/requests');
      const calls = requests.filter((r) => r.realmId === realmId);
      expect(calls).toHaveLength(24);
      expect(calls.filter((r) => r.status === 429)).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
