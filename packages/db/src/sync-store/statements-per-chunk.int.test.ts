import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type CommitBatch,
  idempotencyKey,
  type Link,
  newLinkId,
  type RecordOf,
  type RecordStatus,
} from '@ledgersync/sync-engine';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createPrismaSyncStore } from './create-prisma-sync-store.ts';

let database: TestDatabase;
let db: PrismaClient<'query'>;
let portalId: string;
let statements = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  // The product's client with Prisma's query event on: every statement sent to Postgres is counted.
  db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url }),
    log: [{ emit: 'event', level: 'query' }],
  });
  db.$on('query', () => {
    statements += 1;
  });
  portalId = (await createPortalRepository(db).upsertInstalled(78n, new Date(), 'professional')).id;
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const AT = '2026-03-01T10:00:00.000Z';
const customer = (n: string): RecordOf<'customer'> => ({
  displayName: `Customer ${n}`,
  firstName: null,
  lastName: null,
  companyName: null,
  email: `c${n}@example.com`,
  phone: null,
  currency: 'USD',
  billingAddress: null,
  active: true,
});

/**
 * A first-sync page of `n` QBO customers as the engine hands it to the store: every create marked
 * pending before the writes, then committed with its merge base, status and activity; and a
 * tenth of the records failed before they had a link (a status-only row and its activity).
 */
function page(prefix: string, n: number) {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const pending: Link[] = ids.map((q) => ({
    id: newLinkId('customer', 'quickbooks', q),
    portalId,
    object: 'customer',
    hubspotId: null,
    quickbooksId: q,
    origin: 'quickbooks',
    linkVersion: 1,
    state: 'pending_create',
    pendingCreate: {
      side: 'hubspot',
      idempotencyKey: idempotencyKey(portalId, 'customer', 'quickbooks', q, 0, 'create'),
    },
    lastSyncedAt: null,
  }));
  const failed = ids.filter((_, i) => i % 10 === 9).map((q) => `${q}-failed`);
  const status = (recordId: string, linkId: string | null, state: RecordStatus['state']): RecordStatus => ({
    portalId,
    object: 'customer',
    side: 'quickbooks',
    recordId,
    linkId,
    state,
    errorCode: state === 'failed' ? 'duplicate_display_name' : null,
    exclusionReason: null,
    message: state,
    at: AT,
    label: { name: `Customer ${recordId}`, detail: null },
  });
  const commit: CommitBatch = {
    links: pending.map((l, i) => ({ ...l, hubspotId: `h-${ids[i]}`, state: 'active', pendingCreate: null })),
    mergeBases: pending.map((l, i) => ({
      linkId: l.id,
      object: 'customer',
      hubspot: customer(ids[i] ?? ''),
      quickbooks: customer(ids[i] ?? ''),
      hubspotVersion: AT,
      quickbooksVersion: '0',
      syncedAt: AT,
    })),
    statuses: [
      ...pending.map((l, i) => status(ids[i] ?? '', l.id, 'synced')),
      ...failed.map((q) => status(q, null, 'failed')),
    ],
    activity: [
      ...pending.map((l, i) => ({
        portalId,
        object: 'customer' as const,
        linkId: l.id,
        side: 'hubspot' as const,
        recordId: `h-${ids[i]}`,
        kind: 'created' as const,
        at: AT,
        message: 'created in HubSpot',
      })),
      ...failed.map((q) => ({
        portalId,
        object: 'customer' as const,
        linkId: null,
        side: 'quickbooks' as const,
        recordId: q,
        kind: 'failed' as const,
        at: AT,
        message: 'failed',
        errorCode: 'duplicate_display_name' as const,
      })),
    ],
  };
  return { pending, commit, failed };
}

async function statementsOf(work: () => Promise<void>): Promise<number> {
  const before = statements;
  await work();
  return statements - before;
}

describe('PrismaSyncStore statements per chunk', () => {
  it('marks pending creates and commits a chunk in the same number of statements for 10 records as for 200', async () => {
    const store = createPrismaSyncStore(db, { commitChunkSize: 500 });
    const cost = async (prefix: string, n: number) => {
      const { pending, commit, failed } = page(prefix, n);
      const marking = await statementsOf(() => store.setPendingCreates(pending));
      const committing = await statementsOf(() => store.commitPlanResults(portalId, commit));
      // What was written is whole: every pair linked and synced, every failure on its own row.
      const rows = await db.recordLink.findMany({
        where: { portalId, quickbooksId: { startsWith: `${prefix}-` } },
        include: { activities: true },
      });
      expect(rows).toHaveLength(n + failed.length);
      expect(
        rows.filter((r) => r.status === 'synced' && r.hubspotId !== null && r.pendingCreate === null),
      ).toHaveLength(n);
      expect(
        rows.filter((r) => r.status === 'failed' && r.attempts === 1 && r.activities.length === 1),
      ).toHaveLength(failed.length);
      return { marking, committing };
    };
    const small = await cost('small', 10);
    const large = await cost('large', 200);
    expect(large).toEqual(small);
    expect(small.marking).toBeLessThanOrEqual(8);
    expect(small.committing).toBeLessThanOrEqual(20);
  });
});
