import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import { createTokenCipher } from '../crypto/token-cipher.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createHubSpotInstallationRepository } from './hubspot-installation-repository.ts';
import { createPortalRepository } from './portal-repository.ts';
import { createQuickBooksConnectionRepository } from './quickbooks-connection-repository.ts';
import { createSyncSettingsRepository } from './sync-settings-repository.ts';

let database: TestDatabase;
let db: Db;
const cipher = createTokenCipher(new Map([['k1', randomBytes(32)]]));
const t0 = new Date('2026-11-27T10:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

async function newPortal(hubId: bigint) {
  return createPortalRepository(db).upsertInstalled(hubId, t0);
}

describe('portal repository', () => {
  it('reinstalling reactivates the same portal', async () => {
    const portals = createPortalRepository(db);
    const first = await portals.upsertInstalled(101n, t0, 'professional');
    await portals.markUninstalled(first.id, later(5));
    const again = await portals.upsertInstalled(101n, later(10));
    expect(again.id).toBe(first.id);
    expect(again.uninstalledAt).toBeNull();
    expect(again.planTier).toBe('professional');
  });
});

describe('token repositories', () => {
  it('store HubSpot tokens encrypted and hand them back decrypted', async () => {
    const portal = await newPortal(201n);
    const repo = createHubSpotInstallationRepository(db, cipher);
    const tokens = {
      accessToken: 'hs-access-PLAINTEXT',
      refreshToken: 'hs-refresh-PLAINTEXT',
      accessTokenExpiresAt: later(30),
      scopes: ['oauth'],
    };
    await repo.save(portal.id, tokens, 'user-7');
    expect((await repo.find(portal.id))?.tokens).toEqual(tokens);
    const raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
    const { rows } = await raw.query('SELECT * FROM "HubSpotInstallation"');
    await raw.end();
    expect(JSON.stringify(rows)).not.toMatch(/PLAINTEXT/);
    expect(await repo.listExpiringBefore(later(31))).toContain(portal.id);
    expect(await repo.listExpiringBefore(later(29))).not.toContain(portal.id);
  });

  it('keep one realm per portal and one portal per realm', async () => {
    const a = await newPortal(301n);
    const b = await newPortal(302n);
    const repo = createQuickBooksConnectionRepository(db, cipher);
    const tokens = {
      accessToken: 'qa',
      refreshToken: 'qr',
      accessTokenExpiresAt: later(60),
      refreshTokenExpiresAt: later(60 * 24 * 100),
    };
    const first = await repo.connect({
      portalId: a.id,
      realmId: 'realm-1',
      tokens,
      country: 'US',
      connectedAt: t0,
    });
    expect(first.ok && first.connection.tokens).toEqual(tokens);
    expect(await repo.connect({ portalId: b.id, realmId: 'realm-1', tokens, connectedAt: t0 })).toEqual({
      ok: false,
      error: 'realm_linked_to_other_portal',
    });
    expect(await repo.connect({ portalId: a.id, realmId: 'realm-2', tokens, connectedAt: t0 })).toEqual({
      ok: false,
      error: 'portal_connected_to_other_realm',
    });

    const rotated = { ...tokens, accessToken: 'qa2', refreshToken: 'qr2' };
    await repo.saveTokens(a.id, rotated);
    expect((await repo.findByRealm('realm-1'))?.tokens).toEqual(rotated);

    await repo.disconnect(a.id, later(1));
    const gone = await repo.find(a.id);
    expect(gone).toMatchObject({ status: 'disconnected', tokens: null });
    // Once disconnected, the realm may be connected by another portal.
    const moved = await repo.connect({ portalId: b.id, realmId: 'realm-1', tokens, connectedAt: later(2) });
    expect(moved.ok).toBe(true);
    expect(await repo.find(a.id)).toBeNull();
  });
});

describe('sync settings repository', () => {
  it('saves per object and turns everything off at once', async () => {
    const portal = await newPortal(401n);
    const repo = createSyncSettingsRepository(db);
    await repo.save(portal.id, 'product', { direction: 'two_way', enabled: true });
    await repo.save(portal.id, 'invoice', {
      direction: 'hubspot_to_quickbooks',
      enabled: true,
      syncStartedAt: t0,
    });
    await repo.save(portal.id, 'invoice', { conflictResolution: 'quickbooks' });
    const invoices = await repo.find(portal.id, 'invoice');
    expect(invoices).toMatchObject({
      direction: 'hubspot_to_quickbooks',
      enabled: true,
      conflictResolution: 'quickbooks',
    });
    expect(await repo.disableAll(portal.id)).toBe(2);
    expect((await repo.list(portal.id)).every((s) => !s.enabled)).toBe(true);
  });
});

describe('inTransaction', () => {
  it('rolls back every repository write when the work throws', async () => {
    const portals = createPortalRepository(db);
    const settings = createSyncSettingsRepository(db);
    await expect(
      inTransaction(db, async (tx) => {
        const p = await portals.upsertInstalled(901n, t0, undefined, tx);
        await settings.save(p.id, 'product', { enabled: true }, tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await portals.findByHubId(901n)).toBeNull();
  });
});
