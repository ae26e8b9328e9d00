import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Link, newLinkId, type RecordStatus } from '@ledgersync/sync-engine';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createPrismaSyncStore } from './create-prisma-sync-store.ts';
import { StaleLinkError } from './write-links.ts';

let database: TestDatabase;
let db: Db;
let portalId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  portalId = (await createPortalRepository(db).upsertInstalled(79n, new Date(), 'professional')).id;
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const AT = '2026-03-01T10:00:00.000Z';
const status = (recordId: string, state: RecordStatus['state'], name: string): RecordStatus => ({
  portalId,
  object: 'product',
  side: 'hubspot',
  recordId,
  linkId: null,
  state,
  errorCode: state === 'failed' ? 'duplicate_display_name' : null,
  exclusionReason: null,
  message: state,
  at: AT,
  label: { name, detail: null },
});
const link = (recordId: string, linkVersion: number): Link => ({
  id: newLinkId('product', 'hubspot', recordId),
  portalId,
  object: 'product',
  hubspotId: recordId,
  quickbooksId: `q-${recordId}`,
  origin: 'hubspot',
  linkVersion,
  state: 'active',
  pendingCreate: null,
  lastSyncedAt: AT,
});

describe('PrismaSyncStore writes a batch as one write after another would', () => {
  it('counts every failure of a record given twice in one batch, and a later success resets the count', async () => {
    const store = createPrismaSyncStore(db);
    await store.upsertRecordStatuses([status('p-1', 'failed', 'First'), status('p-1', 'failed', 'Second')]);
    const row = () => db.recordLink.findFirstOrThrow({ where: { portalId, hubspotId: 'p-1' } });
    expect(await row()).toMatchObject({ status: 'failed', attempts: 2, displayName: 'Second' });
    await store.upsertRecordStatuses([status('p-1', 'failed', 'Third'), status('p-1', 'synced', 'Fourth')]);
    expect(await row()).toMatchObject({
      status: 'synced',
      attempts: 0,
      errorMessage: null,
      displayName: 'Fourth',
    });
    expect(await db.recordLink.count({ where: { portalId, hubspotId: 'p-1' } })).toBe(1);
  });

  it('keeps the last version of a link named twice, and refuses a batch that goes back in version', async () => {
    const store = createPrismaSyncStore(db);
    await store.upsertLinks([link('p-2', 1), link('p-2', 2)]);
    const [stored] = await store.findLinks(portalId, 'product', 'hubspot', ['p-2']);
    expect(stored?.linkVersion).toBe(2);

    await expect(store.upsertLinks([link('p-3', 2), link('p-3', 1)])).rejects.toBeInstanceOf(StaleLinkError);
    expect(await store.findLinks(portalId, 'product', 'hubspot', ['p-3'])).toEqual([]);
  });
});
