import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { idempotencyKey, type Link, type MergeBase, newLinkId, type RecordOf } from '@ledgersync/sync-engine';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createSyncSettingsRepository } from '../repositories/sync-settings-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createPrismaSyncStore } from './create-prisma-sync-store.ts';
import { StaleLinkError } from './write-links.ts';

let database: TestDatabase;
let db: Db;
let portalId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  portalId = (await createPortalRepository(db).upsertInstalled(77n, new Date(), 'professional')).id;
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const AT = '2026-03-01T10:00:00.000Z';
const invoice = (number: string): RecordOf<'invoice'> => ({
  number,
  issueDate: '2026-03-01',
  dueDate: null,
  currency: 'USD',
  customerId: null,
  status: 'open',
  source: 'hubspot',
  comments: null,
  lines: [],
  total: '120.50',
  balance: '120.50',
  customFields: {},
});

describe('PrismaSyncStore', () => {
  it('reads the engine settings from the per-object rows (payments follow invoices)', async () => {
    const repo = createSyncSettingsRepository(db);
    await repo.save(portalId, 'customer', {
      enabled: true,
      direction: 'two_way',
      conflictResolution: 'quickbooks',
    });
    await repo.save(portalId, 'product', {
      enabled: true,
      direction: 'off',
      options: { requireSku: false },
    });
    await repo.save(portalId, 'invoice', {
      enabled: true,
      direction: 'hubspot_to_quickbooks',
      syncStartedAt: new Date(AT),
      customLineItemIncomeAccountId: '79',
      fieldMappings: { disabledFields: ['comments'] },
    });
    const settings = await createPrismaSyncStore(db).readSettings(portalId);
    expect(settings?.planTier).toBe('professional');
    expect(settings?.customer).toMatchObject({
      enabled: true,
      conflictPolicy: { kind: 'prefer_quickbooks' },
    });
    expect(settings?.product).toMatchObject({ enabled: false, requireSku: false });
    expect(settings?.invoice).toMatchObject({
      enabled: true,
      direction: 'hubspot_to_quickbooks',
      syncStartedAt: AT,
      customLineItemIncomeAccountId: '79',
      disabledFields: ['comments'],
    });
    expect(await createPrismaSyncStore(db).readSettings('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('keeps a failed record, its pending create and its committed link on one row (exactly once)', async () => {
    const store = createPrismaSyncStore(db);
    const engineId = newLinkId('invoice', 'hubspot', 'h-1');
    // 1. The invoice failed before any link existed: its status still needs a home.
    await store.upsertRecordStatuses([
      {
        portalId,
        object: 'invoice',
        side: 'hubspot',
        recordId: 'h-1',
        linkId: null,
        state: 'failed',
        errorCode: 'invoice_customer_missing',
        exclusionReason: null,
        message: 'no customer',
        at: AT,
      },
    ]);
    const [statusOnly] = await store.findLinks(portalId, 'invoice', 'hubspot', ['h-1']);
    expect(statusOnly).toMatchObject({ quickbooksId: null, linkVersion: 0, pendingCreate: null });

    // 2. Next pass: the create is marked in flight before the remote call.
    const key = idempotencyKey(portalId, 'invoice', 'hubspot', 'h-1', 0, 'create');
    const pending: Link = {
      id: engineId,
      portalId,
      object: 'invoice',
      hubspotId: 'h-1',
      quickbooksId: null,
      origin: 'hubspot',
      linkVersion: 1,
      state: 'active',
      pendingCreate: { side: 'quickbooks', idempotencyKey: key },
      lastSyncedAt: AT,
    };
    await store.setPendingCreates([pending]);
    const [afterMark] = await store.findLinks(portalId, 'invoice', 'hubspot', ['h-1']);
    expect(afterMark?.id).toBe(statusOnly?.id);
    expect(afterMark).toMatchObject({ state: 'pending_create', pendingCreate: { idempotencyKey: key } });

    // 3. The result is committed: link, base, status and activity together.
    const base: MergeBase = {
      linkId: engineId,
      object: 'invoice',
      hubspot: invoice('INV-1'),
      quickbooks: invoice('INV-1'),
      hubspotVersion: AT,
      quickbooksVersion: '0',
      syncedAt: AT,
    };
    await store.commitPlanResults(portalId, {
      links: [{ ...pending, quickbooksId: 'q-9', pendingCreate: null }],
      mergeBases: [base],
      statuses: [
        {
          portalId,
          object: 'invoice',
          side: 'hubspot',
          recordId: 'h-1',
          linkId: engineId,
          state: 'synced',
          errorCode: null,
          exclusionReason: null,
          message: 'created',
          at: AT,
        },
      ],
      activity: [
        {
          portalId,
          object: 'invoice',
          linkId: engineId,
          side: 'quickbooks',
          recordId: 'q-9',
          kind: 'created',
          at: AT,
          message: 'created in QuickBooks',
          fields: ['number'],
        },
      ],
    });
    const [linked] = await store.findLinks(portalId, 'invoice', 'quickbooks', ['q-9']);
    expect(linked).toMatchObject({ id: statusOnly?.id, hubspotId: 'h-1', state: 'active', linkVersion: 1 });
    const [storedBase] = await store.readMergeBases(portalId, [engineId]);
    expect(storedBase?.hubspot).toEqual(invoice('INV-1'));
    const row = await db.recordLink.findUniqueOrThrow({ where: { id: linked?.id ?? '' } });
    expect(row).toMatchObject({ status: 'synced', errorCode: null, displayNumber: 'INV-1', currency: 'USD' });
    expect(row.amount?.toString()).toBe('120.5');
    const activity = await db.syncActivity.findMany({ where: { linkId: row.id } });
    expect(activity.map((a) => [a.action, a.hubspotId, a.quickbooksId, a.direction])).toEqual([
      ['created', 'h-1', 'q-9', 'hubspot_to_quickbooks'],
    ]);

    // 4. An older version of the pair is refused.
    await expect(store.upsertLinks([{ ...pending, linkVersion: 0 }])).rejects.toBeInstanceOf(StaleLinkError);
    expect(await db.recordLink.count({ where: { portalId, object: 'invoice' } })).toBe(1);
  });

  it('keeps the activity of a record that failed before it had a link on its named row, and a later link takes it over (R-VIS-6)', async () => {
    const store = createPrismaSyncStore(db);
    await store.commitPlanResults(portalId, {
      links: [],
      mergeBases: [],
      statuses: [
        {
          portalId,
          object: 'customer',
          side: 'hubspot',
          recordId: 'h-7',
          linkId: null,
          state: 'failed',
          errorCode: 'duplicate_display_name',
          exclusionReason: null,
          message: 'Acme Ltd is taken',
          at: AT,
          label: { name: 'Ada Lovelace', detail: 'ada@example.com' },
        },
      ],
      activity: [
        {
          portalId,
          object: 'customer',
          linkId: null,
          side: 'hubspot',
          recordId: 'h-7',
          kind: 'failed',
          at: AT,
          message: 'Acme Ltd is taken',
          errorCode: 'duplicate_display_name',
        },
      ],
    });
    const statusRow = await db.recordLink.findFirstOrThrow({ where: { portalId, hubspotId: 'h-7' } });
    expect(statusRow).toMatchObject({ displayName: 'Ada Lovelace', displayDetail: 'ada@example.com' });
    expect(await db.syncActivity.findMany({ where: { linkId: statusRow.id } })).toEqual([
      expect.objectContaining({ action: 'failed', errorCode: 'duplicate_display_name', hubspotId: 'h-7' }),
    ]);

    // The QBO customer it matches is found later: the link, named from the QBO side, takes the row's place.
    const link: Link = {
      id: newLinkId('customer', 'quickbooks', 'q-7'),
      portalId,
      object: 'customer',
      hubspotId: 'h-7',
      quickbooksId: 'q-7',
      origin: 'quickbooks',
      linkVersion: 1,
      state: 'active',
      pendingCreate: null,
      lastSyncedAt: AT,
    };
    await store.upsertLinks([link]);
    const linked = await db.recordLink.findFirstOrThrow({ where: { portalId, hubspotId: 'h-7' } });
    expect(linked.id).not.toBe(statusRow.id);
    expect(await db.syncActivity.findMany({ where: { linkId: linked.id } })).toEqual([
      expect.objectContaining({ action: 'failed', hubspotId: 'h-7' }),
    ]);
  });

  it('commits a large batch in chunks, each whole: a failing chunk stores none of its pairs and leaves the earlier ones whole', async () => {
    const store = createPrismaSyncStore(db, { commitChunkSize: 2 });
    const pair = (n: number, linkVersion = 1) => {
      const id = newLinkId('invoice', 'hubspot', `chunk-${n}`);
      const link: Link = {
        id,
        portalId,
        object: 'invoice',
        hubspotId: `chunk-${n}`,
        quickbooksId: `qchunk-${n}`,
        origin: 'hubspot',
        linkVersion,
        state: 'active',
        pendingCreate: null,
        lastSyncedAt: AT,
      };
      const base: MergeBase = {
        linkId: id,
        object: 'invoice',
        hubspot: invoice(`C-${n}`),
        quickbooks: invoice(`C-${n}`),
        hubspotVersion: AT,
        quickbooksVersion: '0',
        syncedAt: AT,
      };
      const status = {
        portalId,
        object: 'invoice' as const,
        side: 'hubspot' as const,
        recordId: `chunk-${n}`,
        linkId: id,
        state: 'synced' as const,
        errorCode: null,
        exclusionReason: null,
        message: 'synced',
        at: AT,
      };
      return { link, base, status };
    };
    // Pair 3 is already stored at a newer version: the second chunk (pairs 3 and 4) must fail whole.
    await store.upsertLinks([pair(3, 5).link]);
    const pairs = [1, 2, 3, 4, 5].map((n) => pair(n));
    const commit = store.commitPlanResults(portalId, {
      links: pairs.map((p) => p.link),
      mergeBases: pairs.map((p) => p.base),
      statuses: pairs.map((p) => p.status),
      activity: [],
    });
    await expect(commit).rejects.toBeInstanceOf(StaleLinkError);
    const stored = async (n: number) => {
      const [link] = await store.findLinks(portalId, 'invoice', 'hubspot', [`chunk-${n}`]);
      const [base] = link ? await store.readMergeBases(portalId, [link.id]) : [];
      return [link?.linkVersion ?? null, (base?.hubspot as { number?: string } | null)?.number ?? null];
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map(stored))).toEqual([
      [1, 'C-1'],
      [1, 'C-2'],
      [5, null],
      [null, null],
      [null, null],
    ]);

    // Retried (as the next drain would) without the stale pair: everything lands.
    const rest = pairs.filter((_, i) => i !== 2);
    await store.commitPlanResults(portalId, {
      links: rest.map((p) => p.link),
      mergeBases: rest.map((p) => p.base),
      statuses: rest.map((p) => p.status),
      activity: [],
    });
    expect(await Promise.all([1, 2, 4, 5].map(stored))).toEqual([
      [1, 'C-1'],
      [1, 'C-2'],
      [1, 'C-4'],
      [1, 'C-5'],
    ]);
  });

  it('claims due notices under a lease, defers with backoff and marks them processed', async () => {
    // The rows the change intake stores for three webhook events.
    await db.changeNotice.createMany({
      data: ['a', 'b', 'c'].map((e) => ({
        portalId,
        side: 'hubspot' as const,
        object: 'invoice' as const,
        recordId: `r-${e}`,
        eventId: e,
      })),
    });
    const store = createPrismaSyncStore(db, { claimLeaseMs: 60_000 });
    const t0 = new Date('2026-03-01T10:00:00Z');
    const first = await store.claimNotices(portalId, 2, t0);
    expect(first.map((n) => [n.recordId, n.object, n.kind])).toEqual([
      ['r-a', 'invoice', 'change'],
      ['r-b', 'invoice', 'change'],
    ]);
    // Leased: a second claim at the same instant gets only the rest.
    expect((await store.claimNotices(portalId, 10, t0)).map((n) => n.recordId)).toEqual(['r-c']);
    const [a, b] = first;
    await store.markNoticesProcessed([a?.id ?? '']);
    await store.deferNotices([b?.id ?? ''], new Date('2026-03-01T10:00:30Z'), 'rate_limited');
    // After the lease: b is due again (with one attempt), c's lease has expired, a is done.
    const later = await store.claimNotices(portalId, 10, new Date('2026-03-01T10:02:00Z'));
    expect(later.map((n) => [n.recordId, n.attempts])).toEqual([
      ['r-b', 1],
      ['r-c', 0],
    ]);
  });

  it('stores and reads cursors per side and object', async () => {
    const store = createPrismaSyncStore(db);
    expect(await store.getCursor(portalId, 'quickbooks', 'invoice')).toBeNull();
    await store.advanceCursor(portalId, 'quickbooks', 'invoice', AT);
    await store.advanceCursor(portalId, 'hubspot', 'invoice', '2026-01-01T00:00:00.000Z');
    expect(await store.getCursor(portalId, 'quickbooks', 'invoice')).toBe(AT);
    expect(await store.getCursor(portalId, 'hubspot', 'invoice')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('moves a cursor forward only', async () => {
    const store = createPrismaSyncStore(db);
    const at = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();
    await store.advanceCursor(portalId, 'quickbooks', 'payment', at(10));
    await store.advanceCursor(portalId, 'quickbooks', 'payment', at(5));
    expect(await store.getCursor(portalId, 'quickbooks', 'payment')).toBe(at(10));
    await Promise.all(
      [at(20), at(15), at(30), at(25)].map((p) => store.advanceCursor(portalId, 'quickbooks', 'payment', p)),
    );
    expect(await store.getCursor(portalId, 'quickbooks', 'payment')).toBe(at(30));
  });
});
