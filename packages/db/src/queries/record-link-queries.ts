import type { SyncObject } from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import type { LinkStatus, Prisma, RecordLink, Side } from '../generated/prisma/client.ts';

export interface RecordFilter {
  object?: SyncObject;
  status?: LinkStatus;
  errorCode?: string;
  /** The side the record was created on. */
  origin?: Side;
  updatedFrom?: Date;
  updatedTo?: Date;
}

export type RecordSort = 'updatedAt' | 'lastSyncedAt' | 'displayName' | 'amount' | 'status';

export interface RecordPageRequest {
  sort: RecordSort;
  order: 'asc' | 'desc';
  /** 1-based. */
  page: number;
  pageSize: number;
}

// Records never synced may have no name, amount or sync time: they sort after the rest either way.
const NULLABLE_SORTS = new Set<RecordSort>(['lastSyncedAt', 'displayName', 'amount']);

/** How many records of each object are in each status (R-VIS-2). */
export async function countRecordsByStatus(
  db: DbClient,
  portalId: string,
): Promise<{ object: SyncObject; status: LinkStatus; count: number }[]> {
  const rows = await db.recordLink.groupBy({
    by: ['object', 'status'],
    where: { portalId },
    _count: { _all: true },
  });
  return rows.map((r) => ({ object: r.object, status: r.status, count: r._count._all }));
}

/** How many failing records each error code holds (R-VIS-2). */
export async function countFailuresByCode(
  db: DbClient,
  portalId: string,
): Promise<{ errorCode: string; count: number }[]> {
  const rows = await db.recordLink.groupBy({
    by: ['errorCode'],
    where: { portalId, status: 'failed', errorCode: { not: null } },
    _count: { _all: true },
  });
  return rows.flatMap((r) =>
    r.errorCode === null ? [] : [{ errorCode: r.errorCode, count: r._count._all }],
  );
}

/**
 * HubSpot invoices left out because LedgerSync does not know their Invoice source (R-FLT-1), per
 * source as the exclusion names it ('Invoice source "Stripe" is not HubSpot'), most first.
 */
export async function countUnknownInvoiceSources(
  db: DbClient,
  portalId: string,
): Promise<{ detail: string; count: number }[]> {
  const rows = await db.recordLink.groupBy({
    by: ['errorMessage'],
    where: { portalId, object: 'invoice', status: 'excluded', exclusionReason: 'unknown_invoice_source' },
    _count: { _all: true },
  });
  return rows
    .map((r) => ({ detail: r.errorMessage ?? 'Invoice source unknown', count: r._count._all }))
    .sort((a, b) => b.count - a.count || a.detail.localeCompare(b.detail));
}

/** One page of the portal's records (R-VIS-3) and how many match the filter in all. */
export async function listRecords(
  db: DbClient,
  portalId: string,
  filter: RecordFilter,
  page: RecordPageRequest,
): Promise<{ total: number; records: RecordLink[] }> {
  const where = recordWhere(portalId, filter);
  const [total, records] = await Promise.all([
    db.recordLink.count({ where }),
    db.recordLink.findMany({
      where,
      orderBy: [
        NULLABLE_SORTS.has(page.sort)
          ? { [page.sort]: { sort: page.order, nulls: 'last' } }
          : { [page.sort]: page.order },
        { id: 'asc' },
      ],
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
  ]);
  return { total, records };
}

function recordWhere(portalId: string, f: RecordFilter): Prisma.RecordLinkWhereInput {
  return {
    portalId,
    ...(f.object ? { object: f.object } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.errorCode ? { errorCode: f.errorCode } : {}),
    ...(f.origin ? { origin: f.origin } : {}),
    ...(f.updatedFrom || f.updatedTo
      ? {
          updatedAt: {
            ...(f.updatedFrom ? { gte: f.updatedFrom } : {}),
            ...(f.updatedTo ? { lte: f.updatedTo } : {}),
          },
        }
      : {}),
  };
}
