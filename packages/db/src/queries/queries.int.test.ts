import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newLinkId, type RecordStatus } from '@ledgersync/sync-engine';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createTokenCipher } from '../crypto/token-cipher.ts';
import { createHubSpotInstallationRepository } from '../repositories/hubspot-installation-repository.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createQuickBooksConnectionRepository } from '../repositories/quickbooks-connection-repository.ts';
import { createPrismaSyncStore } from '../sync-store/create-prisma-sync-store.ts';
import { linkRowId } from '../sync-store/link-row-id.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { findUnfinishedBackfill, listBackfills, readBackfill } from './backfill-queries.ts';
import { readInvoiceCard } from './invoice-card-queries.ts';
import {
  bindOAuthStateToBrowser,
  consumeOAuthState,
  deleteExpiredOAuthStates,
  saveOAuthState,
} from './oauth-state-queries.ts';
import { checkReadiness, countQueuedJobs } from './readiness-queries.ts';
import { countFailuresByCode, countRecordsByStatus, listRecords } from './record-link-queries.ts';
import { deleteExpiredSignatureUses, recordSignatureUse } from './signature-use-queries.ts';
import { listRecordActivity } from './sync-activity-queries.ts';
import {
  listEnabledObjects,
  readObjectSettings,
  readSettings,
  saveObjectSettings,
  updateObjectSettings,
} from './sync-settings-queries.ts';
import { findConnectedRealms, findInstalledPortals } from './webhook-account-queries.ts';

let database: TestDatabase;
let db: Db;
const cipher = createTokenCipher(new Map([['k1', randomBytes(32)]]));
const t0 = new Date('2026-11-27T10:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const tokens = {
  accessToken: 'qa',
  refreshToken: 'qr',
  accessTokenExpiresAt: later(60),
  refreshTokenExpiresAt: later(60 * 24 * 100),
};

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const newPortal = (hubId: bigint) => createPortalRepository(db).upsertInstalled(hubId, t0);

/** The status rows a drain records for HubSpot invoices (the sync store's own path). */
const recordInvoices = (portalId: string, statuses: Partial<RecordStatus>[]) =>
  createPrismaSyncStore(db).upsertRecordStatuses(
    statuses.map((s, i) => ({
      portalId,
      object: 'invoice',
      side: 'hubspot',
      recordId: `h${i + 1}`,
      linkId: null,
      state: 'synced',
      errorCode: null,
      exclusionReason: null,
      message: null,
      at: t0.toISOString(),
      ...s,
    })),
  );
const rowIdOf = (portalId: string, hubspotId: string) =>
  linkRowId(portalId, newLinkId('invoice', 'hubspot', hubspotId));
const activity = (portalId: string, hubspotId: string, kind: 'created' | 'updated', at: Date) => ({
  portalId,
  object: 'invoice' as const,
  linkId: newLinkId('invoice', 'hubspot', hubspotId),
  side: 'quickbooks' as const,
  recordId: `q-${hubspotId}`,
  kind,
  at: at.toISOString(),
  message: kind,
});

describe('record queries', () => {
  it('count by object and status and by error code, and list a filtered page', async () => {
    const portal = await newPortal(501n);
    await recordInvoices(portal.id, [
      {},
      { state: 'failed', errorCode: 'invoice_customer_missing', message: 'no customer' },
      { state: 'failed', errorCode: 'invoice_customer_missing', message: 'no customer' },
      { state: 'failed', errorCode: 'rate_limited', message: 'later' },
    ]);
    expect(await countRecordsByStatus(db, portal.id)).toEqual(
      expect.arrayContaining([
        { object: 'invoice', status: 'synced', count: 1 },
        { object: 'invoice', status: 'failed', count: 3 },
      ]),
    );
    expect(await countFailuresByCode(db, portal.id)).toEqual(
      expect.arrayContaining([
        { errorCode: 'invoice_customer_missing', count: 2 },
        { errorCode: 'rate_limited', count: 1 },
      ]),
    );
    const page = { sort: 'updatedAt', order: 'desc', page: 1, pageSize: 25 } as const;
    const missing = await listRecords(db, portal.id, { errorCode: 'invoice_customer_missing' }, page);
    expect(missing.total).toBe(2);
    expect(missing.records.map((l) => l.hubspotId).sort()).toEqual(['h2', 'h3']);
    expect((await listRecords(db, portal.id, { status: 'synced' }, page)).total).toBe(1);
    expect((await listRecords(db, portal.id, { origin: 'quickbooks' }, page)).total).toBe(0);
    const second = await listRecords(db, portal.id, {}, { ...page, sort: 'status', pageSize: 3, page: 2 });
    expect({ total: second.total, rows: second.records.length }).toEqual({ total: 4, rows: 1 });
    const other = await newPortal(502n);
    expect((await listRecords(db, other.id, {}, page)).total).toBe(0);
  });

  it("list a record's activity newest first, for its own portal only", async () => {
    const portal = await newPortal(701n);
    const other = await newPortal(702n);
    await recordInvoices(portal.id, [{}]);
    await createPrismaSyncStore(db).appendActivity([
      activity(portal.id, 'h1', 'created', t0),
      activity(portal.id, 'h1', 'updated', later(1)),
    ]);
    const recordId = rowIdOf(portal.id, 'h1');
    expect((await listRecordActivity(db, portal.id, recordId))?.map((a) => a.action)).toEqual([
      'updated',
      'created',
    ]);
    expect(await listRecordActivity(db, other.id, recordId)).toBeNull();
  });
});

describe('readInvoiceCard', () => {
  it('reads the link, its latest activity and both connections in one call', async () => {
    const portal = await newPortal(801n);
    await createHubSpotInstallationRepository(db, cipher).save(portal.id, {
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: later(30),
      scopes: ['oauth'],
    });
    expect(await readInvoiceCard(db, portal.id, 'h1')).toEqual({
      link: null,
      activity: [],
      paymentsLastSyncedAt: null,
      quickbooksStatus: null,
      hubspotStatus: 'active',
    });
    await createQuickBooksConnectionRepository(db, cipher).connect({
      portalId: portal.id,
      realmId: 'realm-card',
      tokens,
      connectedAt: t0,
    });
    await recordInvoices(portal.id, [{ state: 'failed', errorCode: 'rate_limited', message: 'later' }]);
    await createPrismaSyncStore(db).appendActivity(
      Array.from({ length: 55 }, (_, i) =>
        activity(portal.id, 'h1', i === 54 ? 'updated' : 'created', later(i)),
      ),
    );
    const card = await readInvoiceCard(db, portal.id, 'h1');
    expect(card.link).toMatchObject({
      id: rowIdOf(portal.id, 'h1'),
      status: 'failed',
      errorCode: 'rate_limited',
    });
    expect(card.link).not.toHaveProperty('activities');
    expect(card.link).not.toHaveProperty('payments');
    expect(card.activity).toHaveLength(50);
    expect(card.activity[0]?.action).toBe('updated');
    expect({ quickbooks: card.quickbooksStatus, hubspot: card.hubspotStatus }).toEqual({
      quickbooks: 'connected',
      hubspot: 'active',
    });
    const other = await newPortal(802n);
    expect((await readInvoiceCard(db, other.id, 'h1')).link).toBeNull();
  });
});

describe('settings queries', () => {
  it('save several objects in one transaction, edit one keeping its other settings, and read them back', async () => {
    const portal = await newPortal(901n);
    await createQuickBooksConnectionRepository(db, cipher).connect({
      portalId: portal.id,
      realmId: 'realm-settings',
      tokens,
      country: 'GB',
      connectedAt: t0,
    });
    const [invoices, payments] = await saveObjectSettings(db, portal.id, [
      { object: 'invoice', patch: { enabled: true, direction: 'two_way' }, onCreate: { syncStartedAt: t0 } },
      { object: 'payment', patch: { enabled: true }, onCreate: { syncStartedAt: t0 } },
    ]);
    expect(invoices).toMatchObject({ enabled: true, direction: 'two_way', syncStartedAt: t0 });
    expect(payments).toMatchObject({ enabled: true, syncStartedAt: t0 });
    // onCreate is for a new row only: the first turn-on time stays.
    await saveObjectSettings(db, portal.id, [
      { object: 'invoice', patch: { enabled: false }, onCreate: { syncStartedAt: later(5) } },
    ]);
    expect((await readObjectSettings(db, portal.id, 'invoice'))?.syncStartedAt).toEqual(t0);

    await updateObjectSettings(db, portal.id, 'invoice', () => ({ options: { taxMapping: { a: 1 } } }));
    const edited = await updateObjectSettings(db, portal.id, 'invoice', (current) => ({
      options: { ...(current?.options as object), other: true },
    }));
    expect(edited.options).toEqual({ taxMapping: { a: 1 }, other: true });
    expect(await listEnabledObjects(db, portal.id)).toEqual(['payment']);

    const page = await readSettings(db, portal.id);
    expect(page.objects.map((o) => o.object)).toEqual(['invoice', 'payment']);
    expect(page.connection).toEqual({
      status: 'connected',
      realmId: 'realm-settings',
      companyName: null,
      country: 'GB',
      homeCurrency: null,
      connectedAt: t0,
    });
    expect(page.hubspotStatus).toBeNull();
  });

  it('write nothing when one object of the transaction fails', async () => {
    const portal = await newPortal(902n);
    await expect(
      saveObjectSettings(db, portal.id, [
        { object: 'invoice', patch: { enabled: true } },
        { object: 'payment', patch: { direction: 'sideways' as 'off' } },
      ]),
    ).rejects.toThrow();
    expect(await readObjectSettings(db, portal.id, 'invoice')).toBeNull();
  });
});

describe('backfill queries', () => {
  it('list, read and find the unfinished backfill of a portal only', async () => {
    const portal = await newPortal(1001n);
    const other = await newPortal(1002n);
    const backfill = (status: 'done' | 'running', createdAt: Date) =>
      db.backfill.create({
        data: { portalId: portal.id, object: 'invoice', from: t0, to: later(60), status, createdAt },
      });
    const done = await backfill('done', t0);
    expect(await findUnfinishedBackfill(db, portal.id)).toBeNull();
    const running = await backfill('running', later(1));
    expect((await findUnfinishedBackfill(db, portal.id))?.id).toBe(running.id);
    expect((await listBackfills(db, portal.id)).map((b) => b.id)).toEqual([running.id, done.id]);
    expect((await readBackfill(db, portal.id, done.id))?.id).toBe(done.id);
    expect(await readBackfill(db, other.id, done.id)).toBeNull();
    expect(await listBackfills(db, other.id)).toEqual([]);
  });
});

describe('webhook account queries', () => {
  it('map installed hub ids and connected realms to their portals', async () => {
    const portals = createPortalRepository(db);
    const installed = await newPortal(1101n);
    const gone = await newPortal(1102n);
    await portals.markUninstalled(gone.id, later(1));
    expect(await findInstalledPortals(db, [1101n, 1102n, 1103n])).toEqual(new Map([['1101', installed.id]]));

    const connections = createQuickBooksConnectionRepository(db, cipher);
    await connections.connect({ portalId: installed.id, realmId: 'realm-on', tokens, connectedAt: t0 });
    await connections.connect({ portalId: gone.id, realmId: 'realm-off', tokens, connectedAt: t0 });
    await connections.disconnect(gone.id, later(2));
    expect(await findConnectedRealms(db, ['realm-on', 'realm-off', 'realm-none'])).toEqual(
      new Map([['realm-on', installed.id]]),
    );
  });
});

describe('checkReadiness', () => {
  it('reports the database and the job queue reachable, and an unreachable database as such', async () => {
    expect(await checkReadiness(db)).toEqual({ database: 'ok', queue: 'ok' });
    const closed = createPrismaClient('postgresql://postgres@127.0.0.1:1/none');
    expect(await checkReadiness(closed)).toEqual({ database: 'unreachable', queue: 'unreachable' });
    await closed.$disconnect();
  });

  it('counts queued jobs through the public jobs view', async () => {
    const before = await countQueuedJobs(db);
    await db.$executeRaw`SELECT graphile_worker.add_job('count-me', '{}'::json)`;
    expect(await countQueuedJobs(db)).toBe(before + 1);
  });
});

describe('OAuth state and signature use queries', () => {
  it('use a state once, before it expires, for its own provider only', async () => {
    const portal = await newPortal(1201n);
    const state = (id: string) => ({ id, provider: 'quickbooks' as const, portalId: portal.id, userId: '7' });
    await saveOAuthState(db, { ...state('s1'), expiresAt: later(10) });
    expect(await consumeOAuthState(db, 's1', 'hubspot', t0)).toBeNull();
    expect(await consumeOAuthState(db, 's1', 'quickbooks', t0)).toEqual({ portalId: portal.id, userId: '7' });
    expect(await consumeOAuthState(db, 's1', 'quickbooks', t0)).toBeNull();
    await saveOAuthState(db, { ...state('s2'), expiresAt: later(10) });
    expect(await consumeOAuthState(db, 's2', 'quickbooks', later(10))).toBeNull();
    expect(await consumeOAuthState(db, 'unknown', 'quickbooks', t0)).toBeNull();
  });

  it('bind a state to one browser once; then only that browser key consumes it', async () => {
    const portal = await newPortal(1202n);
    const state = (id: string) => ({ id, provider: 'quickbooks' as const, portalId: portal.id, userId: '7' });
    await saveOAuthState(db, { ...state('b1'), expiresAt: later(10) });
    expect(await bindOAuthStateToBrowser(db, 'b1', 'hubspot', 'hash-a', t0)).toBe(false);
    expect(await bindOAuthStateToBrowser(db, 'b1', 'quickbooks', 'hash-a', later(10))).toBe(false);
    expect(await bindOAuthStateToBrowser(db, 'b1', 'quickbooks', 'hash-a', t0)).toBe(true);
    expect(await bindOAuthStateToBrowser(db, 'b1', 'quickbooks', 'hash-b', t0)).toBe(false);
    expect(await consumeOAuthState(db, 'b1', 'quickbooks', t0, 'hash-b')).toBeNull();
    expect(await consumeOAuthState(db, 'b1', 'quickbooks', t0, 'hash-a')).toEqual({
      portalId: portal.id,
      userId: '7',
    });
    // A used state cannot be bound again.
    expect(await bindOAuthStateToBrowser(db, 'b1', 'quickbooks', 'hash-c', t0)).toBe(false);
  });

  it('forget states past their expiry, used or not', async () => {
    const before = await db.oAuthState.count();
    await saveOAuthState(db, {
      id: 'gone-1',
      provider: 'hubspot',
      portalId: null,
      userId: null,
      expiresAt: later(1),
    });
    await saveOAuthState(db, {
      id: 'kept-1',
      provider: 'hubspot',
      portalId: null,
      userId: null,
      expiresAt: later(30),
    });
    expect(await deleteExpiredOAuthStates(db, later(20))).toBeGreaterThanOrEqual(1);
    expect(await db.oAuthState.findUnique({ where: { id: 'gone-1' } })).toBeNull();
    expect(await db.oAuthState.findUnique({ where: { id: 'kept-1' } })).not.toBeNull();
    expect(await db.oAuthState.count()).toBeLessThan(before + 2);
  });

  it('record a signature once and forget it after its window', async () => {
    expect(await recordSignatureUse(db, 'hash-1', later(10))).toBe(true);
    expect(await recordSignatureUse(db, 'hash-1', later(10))).toBe(false);
    await deleteExpiredSignatureUses(db, later(9));
    expect(await recordSignatureUse(db, 'hash-1', later(20))).toBe(false);
    await deleteExpiredSignatureUses(db, later(11));
    expect(await recordSignatureUse(db, 'hash-1', later(20))).toBe(true);
  });
});
