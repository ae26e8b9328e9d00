import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createChangeIntake } from '../queue/change-intake.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createPrismaSyncStore } from './create-prisma-sync-store.ts';

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

describe('merge notices (R-OBJ-7)', () => {
  it('keeps the survivor of a QBO merge with the notice of the merged-away record, up to the claim', async () => {
    const portalId = (await createPortalRepository(db).upsertInstalled(91n, new Date())).id;
    const intake = createChangeIntake(db, { debounceMs: 60_000 });
    await intake.record([
      { portalId, side: 'quickbooks', object: 'contacts', recordId: '9', mergedIntoId: '4', eventId: 'm1' },
      { portalId, side: 'quickbooks', object: 'contacts', recordId: '4', eventId: 'u1' },
    ]);

    const claimed = await createPrismaSyncStore(db).claimNotices(portalId, 10, new Date());
    expect(claimed.map((n) => [n.recordId, n.kind, n.mergedInto])).toEqual([
      ['9', 'merge', '4'],
      ['4', 'change', null],
    ]);
  });
});
