import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { ChangeNotice, Side, SyncObject } from '../generated/prisma/client.ts';

export interface NewChangeNotice {
  portalId: string;
  side: Side;
  object: SyncObject;
  recordId: string;
  /** A merge (R-OBJ-7): the surviving record, which the merged-away `recordId` can no longer name. */
  mergedIntoId?: string;
  eventId: string;
  occurredAt?: Date;
}

export function createChangeNoticeRepository(db: Db) {
  return {
    /** Stores notices, ignoring ones already seen (same side and event id). Returns how many were new. */
    async storeMany(notices: NewChangeNotice[], tx: DbClient = db): Promise<number> {
      if (notices.length === 0) return 0;
      const { count } = await tx.changeNotice.createMany({ data: notices, skipDuplicates: true });
      return count;
    },
    /** Unprocessed notices of a portal that are due, oldest first. */
    listDue(portalId: string, now: Date, limit: number, tx: DbClient = db): Promise<ChangeNotice[]> {
      return tx.changeNotice.findMany({
        where: {
          portalId,
          processedAt: null,
          OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
        },
        orderBy: { id: 'asc' },
        take: limit,
      });
    },
    async markProcessed(ids: bigint[], at: Date, tx: DbClient = db): Promise<void> {
      if (ids.length === 0) return;
      await tx.changeNotice.updateMany({ where: { id: { in: ids } }, data: { processedAt: at } });
    },
    /** Leaves notices pending, to be tried again at `nextAttemptAt` (transient failures, R-ERR-7). */
    async defer(ids: bigint[], nextAttemptAt: Date, error: string, tx: DbClient = db): Promise<void> {
      if (ids.length === 0) return;
      await tx.changeNotice.updateMany({
        where: { id: { in: ids } },
        data: { nextAttemptAt, lastError: error, attempts: { increment: 1 } },
      });
    },
    countPending(portalId: string, tx: DbClient = db): Promise<number> {
      return tx.changeNotice.count({ where: { portalId, processedAt: null } });
    },
  };
}
export type ChangeNoticeRepository = ReturnType<typeof createChangeNoticeRepository>;
