import type { DbClient } from '../client/create-prisma-client.ts';
import type { Backfill } from '../generated/prisma/client.ts';

const BACKFILL_LIST_LIMIT = 20;

/** The portal's latest backfills, newest first. */
export function listBackfills(db: DbClient, portalId: string): Promise<Backfill[]> {
  return db.backfill.findMany({
    where: { portalId },
    orderBy: { createdAt: 'desc' },
    take: BACKFILL_LIST_LIMIT,
  });
}

/** One backfill of the portal; another portal's id finds nothing. */
export function readBackfill(db: DbClient, portalId: string, backfillId: string): Promise<Backfill | null> {
  return db.backfill.findFirst({ where: { id: backfillId, portalId } });
}

/** The backfill still waiting or running for the portal, if any (one at a time). */
export function findUnfinishedBackfill(db: DbClient, portalId: string): Promise<Backfill | null> {
  return db.backfill.findFirst({ where: { portalId, status: { in: ['pending', 'running'] } } });
}

/** A backfill by id, for the worker that runs its pages. */
export function findBackfill(db: DbClient, backfillId: string): Promise<Backfill | null> {
  return db.backfill.findUnique({ where: { id: backfillId } });
}

/**
 * Marks a waiting backfill running with the total counted before its first page; a backfill already
 * started keeps the total it counted, and one cancelled meanwhile stays cancelled.
 */
export async function beginBackfill(
  db: DbClient,
  backfillId: string,
  total: number,
  at: Date,
): Promise<void> {
  await db.backfill.updateMany({
    where: { id: backfillId, status: { in: ['pending', 'running'] }, startedAt: null },
    data: { status: 'running', total, startedAt: at },
  });
}

export interface BackfillPage {
  readonly page: number;
  readonly done: number;
  readonly failed: number;
  /** The next page's cursor; null when this page was the last. */
  readonly nextCursor: string | null;
  readonly at: Date;
}

/**
 * Counts one page of a running backfill, only if it is still on that page, so a page run twice (a
 * retried job) counts once; false when it moved on or was cancelled meanwhile. The last page
 * finishes it, and a total counted before invoices created in the range meanwhile is raised to
 * what was done, so the finished bar reads done + failed of total.
 */
export async function recordBackfillPage(
  db: DbClient,
  backfillId: string,
  p: BackfillPage,
): Promise<boolean> {
  const stored = await db.backfill.updateMany({
    where: { id: backfillId, status: 'running', pages: p.page },
    data: {
      pages: p.page + 1,
      done: { increment: p.done },
      failed: { increment: p.failed },
      cursor: p.nextCursor,
      ...(p.nextCursor ? {} : { status: 'done', finishedAt: p.at }),
    },
  });
  if (stored.count === 0) return false;
  if (!p.nextCursor) {
    const row = await db.backfill.findUniqueOrThrow({ where: { id: backfillId } });
    if (row.done + row.failed > row.total)
      await db.backfill.update({ where: { id: backfillId }, data: { total: row.done + row.failed } });
  }
  return true;
}

/** Ends an unfinished backfill as cancelled (its portal was disconnected); a finished one stays as it is. */
export async function cancelBackfill(db: DbClient, backfillId: string, at: Date): Promise<void> {
  await db.backfill.updateMany({
    where: { id: backfillId, status: { in: ['pending', 'running'] } },
    data: { status: 'cancelled', finishedAt: at },
  });
}
