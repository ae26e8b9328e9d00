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
