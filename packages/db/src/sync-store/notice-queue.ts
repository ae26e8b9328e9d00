import type { ChangeNotice, SyncObject } from '@ledgersync/sync-engine';
import type { Db } from '../client/create-prisma-client.ts';
import type { ChangeNotice as NoticeRow, Side } from '../generated/prisma/client.ts';

/** A change notice to store (a webhook event or a poll hit), deduplicated on side and event id. */
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

export function noticeFromRow(row: NoticeRow): ChangeNotice {
  return {
    id: row.id.toString(),
    portalId: row.portalId,
    side: row.side,
    object: row.object,
    recordId: row.recordId,
    eventId: row.eventId,
    // Deletes are discovered when the record is read (missing). A QBO merge is told by the notice:
    // the merged-away record cannot be read afterwards to name its survivor (R-OBJ-7).
    kind: row.mergedIntoId === null ? 'change' : 'merge',
    mergedInto: row.mergedIntoId,
    occurredAt: (row.occurredAt ?? row.receivedAt).toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    attempts: row.attempts,
  };
}

/**
 * Claims due notices of a portal under a lease: they are hidden from other claims until the lease
 * ends, so a drain that dies mid-way (SIGKILL) gives its notices back without anyone's help, and
 * two drains that somehow overlap never take the same notice (`SKIP LOCKED`).
 */
export async function claimDueNotices(
  db: Db,
  portalId: string,
  limit: number,
  now: Date,
  leaseMs: number,
): Promise<ChangeNotice[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<NoticeRow[]>`
    UPDATE "ChangeNotice" SET "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "ChangeNotice"
      WHERE "portalId" = ${portalId}::uuid AND "processedAt" IS NULL
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
      ORDER BY "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`;
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1)).map(noticeFromRow);
}
