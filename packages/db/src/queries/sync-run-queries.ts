import type { DbClient } from '../client/create-prisma-client.ts';
import type { SyncRun } from '../generated/prisma/client.ts';

const SYNC_RUN_LIST_LIMIT = 20;

/** The portal's latest first syncs, newest first: the running ones and the results of the last. */
export function listSyncRuns(db: DbClient, portalId: string): Promise<SyncRun[]> {
  return db.syncRun.findMany({
    where: { portalId },
    orderBy: { createdAt: 'desc' },
    take: SYNC_RUN_LIST_LIMIT,
  });
}

/** One first sync of the portal; another portal's id finds nothing. */
export function readSyncRun(db: DbClient, portalId: string, syncRunId: string): Promise<SyncRun | null> {
  return db.syncRun.findFirst({ where: { id: syncRunId, portalId } });
}

/** A first sync by id, for the worker that runs its pages. */
export function findSyncRun(db: DbClient, syncRunId: string): Promise<SyncRun | null> {
  return db.syncRun.findUnique({ where: { id: syncRunId } });
}

/** The total counted before the first page. */
export async function setSyncRunTotal(db: DbClient, syncRunId: string, total: number): Promise<void> {
  await db.syncRun.update({ where: { id: syncRunId }, data: { total } });
}

export interface SyncRunPage {
  readonly page: number;
  readonly done: number;
  readonly failed: number;
  readonly linked: number;
  readonly excluded: number;
  /** The next page's cursor; null when this page was the last. */
  readonly nextCursor: string | null;
  readonly at: Date;
}

/**
 * Counts one page of a running first sync, only if the run is still on that page, so a page run
 * twice (a retried job) counts once; false when the run moved on or was cancelled meanwhile.
 * The last page finishes the run, and a total counted before records created meanwhile is raised
 * to what was done, so the finished bar reads whole.
 */
export async function recordSyncRunPage(db: DbClient, syncRunId: string, p: SyncRunPage): Promise<boolean> {
  const stored = await db.syncRun.updateMany({
    where: { id: syncRunId, status: 'running', pages: p.page },
    data: {
      pages: p.page + 1,
      done: { increment: p.done },
      failed: { increment: p.failed },
      linked: { increment: p.linked },
      excluded: { increment: p.excluded },
      cursor: p.nextCursor,
      ...(p.nextCursor ? {} : { status: 'done', finishedAt: p.at }),
    },
  });
  if (stored.count === 0) return false;
  if (!p.nextCursor) {
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    if (run.done + run.failed > run.total)
      await db.syncRun.update({ where: { id: syncRunId }, data: { total: run.done + run.failed } });
  }
  return true;
}

/** Ends a running first sync as cancelled or failed, with the reason; a finished run stays as it is. */
export async function finishSyncRun(
  db: DbClient,
  syncRunId: string,
  status: 'cancelled' | 'failed',
  at: Date,
  error: string,
): Promise<void> {
  await db.syncRun.updateMany({
    where: { id: syncRunId, status: 'running' },
    data: { status, finishedAt: at, error },
  });
}
