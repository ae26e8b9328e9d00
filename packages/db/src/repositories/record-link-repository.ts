import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { LinkStatus, Prisma, RecordLink, SyncObject } from '../generated/prisma/client.ts';

export type RecordLinkInput = Omit<Prisma.RecordLinkUncheckedCreateInput, 'id' | 'createdAt' | 'updatedAt'>;
export type RecordLinkPatch = Omit<
  Prisma.RecordLinkUncheckedUpdateInput,
  'id' | 'portalId' | 'object' | 'createdAt'
>;

export interface LinkListQuery {
  portalId: string;
  object?: SyncObject;
  status?: LinkStatus;
  errorCode?: string;
  updatedFrom?: Date;
  updatedTo?: Date;
  skip?: number;
  take?: number;
}

export function createRecordLinkRepository(db: Db) {
  return {
    create(input: RecordLinkInput, tx: DbClient = db): Promise<RecordLink> {
      return tx.recordLink.create({ data: input });
    },
    findById(portalId: string, id: string, tx: DbClient = db): Promise<RecordLink | null> {
      return tx.recordLink.findFirst({ where: { id, portalId } });
    },
    findByHubSpotIds(
      portalId: string,
      object: SyncObject,
      ids: string[],
      tx: DbClient = db,
    ): Promise<RecordLink[]> {
      return tx.recordLink.findMany({ where: { portalId, object, hubspotId: { in: ids } } });
    },
    findByQuickBooksIds(
      portalId: string,
      object: SyncObject,
      ids: string[],
      tx: DbClient = db,
    ): Promise<RecordLink[]> {
      return tx.recordLink.findMany({ where: { portalId, object, quickbooksId: { in: ids } } });
    },
    /**
     * Optimistic update: applies only if the link is still at `expectedVersion`, and bumps the
     * version. Returns false when another writer got there first.
     */
    async update(
      id: string,
      expectedVersion: number,
      patch: RecordLinkPatch,
      tx: DbClient = db,
    ): Promise<boolean> {
      const { count } = await tx.recordLink.updateMany({
        where: { id, version: expectedVersion },
        data: { ...patch, version: { increment: 1 } },
      });
      return count === 1;
    },
    list(query: LinkListQuery, tx: DbClient = db): Promise<RecordLink[]> {
      return tx.recordLink.findMany({
        where: linkWhere(query),
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        skip: query.skip ?? 0,
        take: Math.min(query.take ?? 50, 500),
      });
    },
    count(query: LinkListQuery, tx: DbClient = db): Promise<number> {
      return tx.recordLink.count({ where: linkWhere(query) });
    },
    /** Counts per object and status, for the sync overview (R-VIS-2). */
    async countByObjectAndStatus(portalId: string, tx: DbClient = db) {
      const rows = await tx.recordLink.groupBy({
        by: ['object', 'status'],
        where: { portalId },
        _count: { _all: true },
      });
      return rows.map((r) => ({ object: r.object, status: r.status, count: r._count._all }));
    },
    listPendingCreates(portalId: string, tx: DbClient = db): Promise<RecordLink[]> {
      return tx.recordLink.findMany({
        where: { portalId, pendingCreate: { not: { equals: null } } } as Prisma.RecordLinkWhereInput,
      });
    },
  };
}

function linkWhere(q: LinkListQuery): Prisma.RecordLinkWhereInput {
  return {
    portalId: q.portalId,
    ...(q.object ? { object: q.object } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.errorCode ? { errorCode: q.errorCode } : {}),
    ...(q.updatedFrom || q.updatedTo
      ? {
          updatedAt: {
            ...(q.updatedFrom ? { gte: q.updatedFrom } : {}),
            ...(q.updatedTo ? { lte: q.updatedTo } : {}),
          },
        }
      : {}),
  };
}
export type RecordLinkRepository = ReturnType<typeof createRecordLinkRepository>;
