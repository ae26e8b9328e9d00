import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import { createTokenCipher } from '../crypto/token-cipher.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createChangeNoticeRepository } from './change-notice-repository.ts';
import { createHubSpotInstallationRepository } from './hubspot-installation-repository.ts';
import { createPortalRepository } from './portal-repository.ts';
import { createQuickBooksConnectionRepository } from './quickbooks-connection-repository.ts';
import { createRecordLinkRepository } from './record-link-repository.ts';
import { createSyncActivityRepository } from './sync-activity-repository.ts';
import { createSyncCursorRepository } from './sync-cursor-repository.ts';
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
    await repo.save(portal.id, 'products', { direction: 'two_way', enabled: true });
    await repo.save(portal.id, 'invoices', {
      direction: 'hubspot_to_quickbooks',
      enabled: true,
      syncStartedAt: t0,
    });
    await repo.save(portal.id, 'invoices', { conflictResolution: 'quickbooks' });
    const invoices = await repo.find(portal.id, 'invoices');
    expect(invoices).toMatchObject({
      direction: 'hubspot_to_quickbooks',
      enabled: true,
      conflictResolution: 'quickbooks',
    });
    expect(await repo.disableAll(portal.id)).toBe(2);
    expect((await repo.list(portal.id)).every((s) => !s.enabled)).toBe(true);
  });
});

describe('record link repository', () => {
  it('finds by either side in batches, updates optimistically and counts by status', async () => {
    const portal = await newPortal(501n);
    const repo = createRecordLinkRepository(db);
    const link = await repo.create({
      portalId: portal.id,
      object: 'invoices',
      hubspotId: 'h1',
      quickbooksId: 'q1',
      origin: 'hubspot',
      status: 'synced',
    });
    await repo.create({
      portalId: portal.id,
      object: 'invoices',
      hubspotId: 'h2',
      origin: 'hubspot',
      status: 'failed',
      errorCode: 'customer_missing',
    });
    expect(
      (await repo.findByHubSpotIds(portal.id, 'invoices', ['h1', 'h2', 'h3'])).map((l) => l.hubspotId).sort(),
    ).toEqual(['h1', 'h2']);
    expect((await repo.findByQuickBooksIds(portal.id, 'invoices', ['q1']))[0]?.id).toBe(link.id);
    expect(await repo.update(link.id, 0, { quickbooksSyncToken: '1' })).toBe(true);
    expect(await repo.update(link.id, 0, { quickbooksSyncToken: '2' })).toBe(false);
    expect((await repo.findById(portal.id, link.id))?.quickbooksSyncToken).toBe('1');
    const other = await newPortal(502n);
    expect(await repo.findById(other.id, link.id)).toBeNull();
    expect(await repo.countByObjectAndStatus(portal.id)).toEqual(
      expect.arrayContaining([
        { object: 'invoices', status: 'synced', count: 1 },
        { object: 'invoices', status: 'failed', count: 1 },
      ]),
    );
    expect(
      (await repo.list({ portalId: portal.id, errorCode: 'customer_missing' })).map((l) => l.hubspotId),
    ).toEqual(['h2']);
    expect(await repo.count({ portalId: portal.id, status: 'synced' })).toBe(1);
    await repo.update(link.id, 1, { pendingCreate: { side: 'quickbooks', requestId: 'r1' } });
    expect((await repo.listPendingCreates(portal.id)).map((l) => l.id)).toEqual([link.id]);
  });
});

describe('change notice repository', () => {
  it('deduplicates by side and event id, defers and marks processed', async () => {
    const portal = await newPortal(601n);
    const repo = createChangeNoticeRepository(db);
    const n = (eventId: string, side: 'hubspot' | 'quickbooks' = 'hubspot') => ({
      portalId: portal.id,
      side,
      object: 'invoices' as const,
      recordId: 'r',
      eventId,
    });
    expect(await repo.storeMany([n('e1'), n('e2'), n('e1', 'quickbooks')])).toBe(3);
    expect(await repo.storeMany([n('e1'), n('e3')])).toBe(1);
    const due = await repo.listDue(portal.id, t0, 10);
    expect(due.map((d) => d.eventId)).toEqual(['e1', 'e2', 'e1', 'e3']);
    await repo.defer([due[0]!.id], later(5), 'rate_limited');
    expect((await repo.listDue(portal.id, later(1), 10)).length).toBe(3);
    expect((await repo.listDue(portal.id, later(5), 10)).length).toBe(4);
    await repo.markProcessed(
      due.map((d) => d.id),
      later(6),
    );
    expect(await repo.countPending(portal.id)).toBe(0);
  });
});

describe('activity and cursors', () => {
  it('lists a record activity newest first, for its own portal only', async () => {
    const portal = await newPortal(701n);
    const other = await newPortal(702n);
    const link = await createRecordLinkRepository(db).create({
      portalId: portal.id,
      object: 'invoices',
      hubspotId: 'h',
      origin: 'hubspot',
    });
    const repo = createSyncActivityRepository(db);
    const entry = (action: string, at: Date) => ({
      portalId: portal.id,
      linkId: link.id,
      object: 'invoices' as const,
      direction: 'hubspot_to_quickbooks' as const,
      action,
      changedFields: [],
      occurredAt: at,
    });
    await repo.append([entry('created', t0), entry('updated', later(1))]);
    expect((await repo.listForLink(portal.id, link.id)).map((a) => a.action)).toEqual(['updated', 'created']);
    expect(await repo.listForLink(other.id, link.id)).toEqual([]);
  });

  it('moves a cursor forward only', async () => {
    const portal = await newPortal(801n);
    const repo = createSyncCursorRepository(db);
    expect(await repo.get(portal.id, 'quickbooks', 'invoices')).toBeNull();
    await repo.advance(portal.id, 'quickbooks', 'invoices', later(10));
    await repo.advance(portal.id, 'quickbooks', 'invoices', later(5));
    expect(await repo.get(portal.id, 'quickbooks', 'invoices')).toEqual(later(10));
    await Promise.all(
      [later(20), later(15), later(30), later(25)].map((p) =>
        repo.advance(portal.id, 'quickbooks', 'invoices', p),
      ),
    );
    expect(await repo.get(portal.id, 'quickbooks', 'invoices')).toEqual(later(30));
  });
});

describe('inTransaction', () => {
  it('rolls back every repository write when the work throws', async () => {
    const portals = createPortalRepository(db);
    const settings = createSyncSettingsRepository(db);
    await expect(
      inTransaction(db, async (tx) => {
        const p = await portals.upsertInstalled(901n, t0, undefined, tx);
        await settings.save(p.id, 'products', { enabled: true }, tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await portals.findByHubId(901n)).toBeNull();
  });
});
