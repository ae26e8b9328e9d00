import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { Prisma, SyncActivity } from '../generated/prisma/client.ts';

export type NewSyncActivity = Omit<Prisma.SyncActivityUncheckedCreateInput, 'id'>;

export function createSyncActivityRepository(db: Db) {
  return {
    async append(entries: NewSyncActivity[], tx: DbClient = db): Promise<void> {
      if (entries.length === 0) return;
      await tx.syncActivity.createMany({ data: entries });
    },
    /** A record's activity, newest first (R-VIS-1); scoped by portal so no other tenant's rows leak. */
    listForLink(portalId: string, linkId: string, take = 50, tx: DbClient = db): Promise<SyncActivity[]> {
      return tx.syncActivity.findMany({
        where: { portalId, linkId },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take,
      });
    },
  };
}
export type SyncActivityRepository = ReturnType<typeof createSyncActivityRepository>;
