import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createPortalRepository,
  createPrismaClient,
  createTokenCipher,
  type Db,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { createChangeIntake, schedulePortalSync } from '@ledgersync/jobs';
import type { PortalPorts } from '@ledgersync/portal-adapters';
import type { Runner } from 'graphile-worker';
import { startWorker } from '../create-worker.ts';

let database: TestDatabase;
let db: Db;
let worker: Runner;
const built: string[] = [];
const cipher = createTokenCipher(new Map([['k1', randomBytes(32)]]), 'k1');
// Ports that must not be used: a drain of a notice whose object does not sync needs no adapter.
const unusable = new Proxy({} as PortalPorts, {
  get: (_target, property) => {
    if (property === 'then') return undefined;
    throw new Error('adapters must not be used here');
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  worker = await startWorker({
    databaseUrl: database.url,
    db,
    concurrency: 1,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 100,
    portsFor: async (portalId) => {
      built.push(portalId);
      return unusable;
    },
  });
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
  await database.drop();
});

const jobsOf = async (portalId: string) =>
  (
    await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'portalId' = ${portalId}`
  )[0]?.n ?? 0n;
const pending = (portalId: string) => db.changeNotice.count({ where: { portalId, processedAt: null } });
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}

describe('a HubSpot installation that needs re-authorizing (R-ERR-7)', () => {
  it('pauses the portal like a QBO needs_reauth: its notices wait, and drain once it is installed again', async () => {
    const p = await createPortalRepository(db).upsertInstalled(7001n, new Date());
    await db.quickBooksConnection.create({
      data: { portalId: p.id, realmId: 'realm-7001', connectedAt: new Date() },
    });
    const installations = createHubSpotInstallationRepository(db, cipher);
    const tokens = {
      accessToken: 'at',
      refreshToken: 'rt',
      accessTokenExpiresAt: new Date(Date.now() + 1_800_000),
      scopes: [],
    };
    await installations.save(p.id, tokens);
    await installations.markNeedsReauth(p.id);

    await createChangeIntake(db, { debounceMs: 0 }).record([
      { portalId: p.id, side: 'hubspot', object: 'invoice', recordId: 'r-1', eventId: 'hs-reauth-1' },
    ]);
    await until(async () => (await jobsOf(p.id)) === 0n);
    expect(built).not.toContain(p.id);
    expect(await pending(p.id)).toBe(1);

    // What the install callback does: clear the mark and schedule the waiting notices' drain.
    await installations.saveInstall(p.id, tokens, { appPropertiesVersion: 0 });
    await schedulePortalSync(db, p.id, 0);
    await until(async () => (await pending(p.id)) === 0);
    expect(built).toContain(p.id);
  });
});
