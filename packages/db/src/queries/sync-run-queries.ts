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
