import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import { createTokenCipher } from '../crypto/token-cipher.ts';
import { createHubSpotInstallationRepository } from '../repositories/hubspot-installation-repository.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createQuickBooksConnectionRepository } from '../repositories/quickbooks-connection-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { rotateTokenKeys } from './rotate-token-keys.ts';

const k0 = randomBytes(32);
const k1 = randomBytes(32);
const k2 = randomBytes(32);
/** What the processes ran with before: k1 only. */
const before = createTokenCipher(new Map([['k1', k1]]));
/** After the operator added k2 and made it active: k1 still decrypts. */
const after = createTokenCipher(
  new Map([
    ['k1', k1],
    ['k2', k2],
  ]),
  'k2',
);
/** A key that has since been removed from the keyring. */
const retired = createTokenCipher(new Map([['k0', k0]]));

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

let hub = 9000n;
const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
/** A portal installed and connected under `cipher`, through the repositories the OAuth callbacks use. */
async function portal(cipher = before) {
  const p = await createPortalRepository(db).upsertInstalled(hub++, new Date());
  await createHubSpotInstallationRepository(db, cipher).save(p.id, {
    accessToken: `hs-at-${p.id}`,
    refreshToken: `hs-rt-${p.id}`,
    accessTokenExpiresAt: hours(1),
    scopes: ['oauth'],
  });
  const connections = createQuickBooksConnectionRepository(db, cipher);
  await connections.connect({
    portalId: p.id,
    realmId: `realm-${p.id}`,
    tokens: {
      accessToken: `qb-at-${p.id}`,
      refreshToken: `qb-rt-${p.id}`,
      accessTokenExpiresAt: hours(1),
      refreshTokenExpiresAt: hours(24 * 100),
    },
    companyName: 'Acme',
    country: 'US',
    homeCurrency: 'USD',
    connectedAt: new Date(),
  });
  return p.id;
}
const keyIdsOf = async (portalId: string) => {
  const hs = await db.hubSpotInstallation.findUniqueOrThrow({ where: { portalId } });
  const qb = await db.quickBooksConnection.findUniqueOrThrow({ where: { portalId } });
  return [hs.accessToken, hs.refreshToken, qb.accessToken, qb.refreshToken].map(
    (t) => t?.split('.')[1] ?? null,
  );
};

describe('keys:rotate re-encrypts every stored token under the active key', () => {
  it('a dry run counts and writes nothing; the run re-encrypts in batches, tokens unchanged; a second run finds nothing to do', async () => {
    const ids = [await portal(), await portal(), await portal()];
    const current = await portal(after);
    const dry = await rotateTokenKeys(db, after, { dryRun: true, batchSize: 2 });
    expect(dry).toMatchObject({
      dryRun: true,
      activeKeyId: 'k2',
      hubspotInstallations: { checked: 4, rotated: 3, current: 1, unreadable: 0 },
      quickbooksConnections: { checked: 4, rotated: 3, current: 1, unreadable: 0 },
    });
    expect(await keyIdsOf(ids[0] as string)).toEqual(['k1', 'k1', 'k1', 'k1']);

    const run = await rotateTokenKeys(db, after, { batchSize: 2 });
    expect(run.hubspotInstallations).toEqual({ checked: 4, rotated: 3, current: 1, unreadable: 0 });
    expect(run.quickbooksConnections).toEqual({ checked: 4, rotated: 3, current: 1, unreadable: 0 });
    for (const id of [...ids, current]) {
      expect(await keyIdsOf(id)).toEqual(['k2', 'k2', 'k2', 'k2']);
      expect((await createHubSpotInstallationRepository(db, after).find(id))?.tokens.refreshToken).toBe(
        `hs-rt-${id}`,
      );
      expect((await createQuickBooksConnectionRepository(db, after).find(id))?.tokens?.accessToken).toBe(
        `qb-at-${id}`,
      );
    }
    // Readable with the new key alone: k1 can now leave the keyring.
    const k2Only = createTokenCipher(new Map([['k2', k2]]));
    expect(
      (await createHubSpotInstallationRepository(db, k2Only).find(ids[1] as string))?.tokens.accessToken,
    ).toBe(`hs-at-${ids[1]}`);
    const again = await rotateTokenKeys(db, after);
    expect(again.hubspotInstallations).toEqual({ checked: 4, rotated: 0, current: 4, unreadable: 0 });
  });

  it('leaves a disconnected connection (no tokens) as current and counts a token under a retired key as unreadable, untouched', async () => {
    const gone = await portal(after);
    await createQuickBooksConnectionRepository(db, after).setStatus(gone, 'disconnected');
    await db.quickBooksConnection.update({
      where: { portalId: gone },
      data: { accessToken: null, refreshToken: null },
    });
    const lost = await portal(retired);
    const stored = await db.hubSpotInstallation.findUniqueOrThrow({ where: { portalId: lost } });
    const report = await rotateTokenKeys(db, after);
    expect(report.hubspotInstallations.unreadable).toBe(1);
    expect(report.quickbooksConnections.unreadable).toBe(1);
    expect(report.quickbooksConnections.rotated).toBe(0);
    expect((await db.hubSpotInstallation.findUniqueOrThrow({ where: { portalId: lost } })).accessToken).toBe(
      stored.accessToken,
    );
  });

  it('never writes back an older token: a refresh that holds the row when the rotation reaches it wins', async () => {
    const id = await portal();
    const installations = createHubSpotInstallationRepository(db, before);
    // A process still on the old keyring refreshes the token while the rotation runs.
    let rotation: ReturnType<typeof rotateTokenKeys> | undefined;
    let rotationWaited = false;
    await inTransaction(db, async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "HubSpotInstallation" WHERE "portalId" = ${id}::uuid FOR UPDATE`;
      rotation = rotateTokenKeys(db, after, { batchSize: 1 });
      // The rotation reads each row under a row lock: it waits for this refresh to commit.
      for (let i = 0; i < 300; i++) {
        const waiting = await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        rotationWaited = Number(waiting[0]?.n) > 0;
        if (rotationWaited) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await installations.save(
        id,
        {
          accessToken: 'hs-at-refreshed',
          refreshToken: 'hs-rt-refreshed',
          accessTokenExpiresAt: hours(1),
          scopes: [],
        },
        undefined,
        tx,
      );
    });
    await rotation;
    expect(rotationWaited).toBe(true);
    const row = await createHubSpotInstallationRepository(db, after).find(id);
    expect(row?.tokens).toMatchObject({ accessToken: 'hs-at-refreshed', refreshToken: 'hs-rt-refreshed' });
    expect((await keyIdsOf(id)).slice(0, 2)).toEqual(['k2', 'k2']);
  });
});
