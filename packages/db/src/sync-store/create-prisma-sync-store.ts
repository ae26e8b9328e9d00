import type { MergeBase, Side, SyncObject, SyncStore } from '@ledgersync/sync-engine';
import type { Db } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import { commitChunks } from './commit-chunks.ts';
import { linkRowId } from './link-row-id.ts';
import { linkFromRow, mergeBaseFromRow } from './link-rows.ts';
import { claimDueNotices } from './notice-queue.ts';
import { settingsFromRows } from './settings-from-rows.ts';
import { writeActivity } from './write-activity.ts';
import { writeLinks } from './write-links.ts';
import { writeMergeBases } from './write-merge-bases.ts';
import { writeStatuses } from './write-statuses.ts';

export interface PrismaSyncStoreOptions {
  /** How long a claimed notice stays hidden from other claims (a crashed drain's notices return after it). */
  readonly claimLeaseMs?: number;
  /** Time of `processedAt` stamps; the runner's clock. */
  readonly now?: () => Date;
  /**
   * Links per commit transaction (default 500). A chunk costs the same dozen statements whatever
   * its size, so larger chunks mean fewer round trips; 500 keeps each transaction well inside
   * Prisma's interactive-transaction timeout (a page of 1,000 commits in about 0.3 s a chunk here).
   */
  readonly commitChunkSize?: number;
}

/** The engine's `SyncStore` port over Prisma. Every method is scoped to one portal's rows. */
export function createPrismaSyncStore(db: Db, options: PrismaSyncStoreOptions = {}): SyncStore {
  const leaseMs = options.claimLeaseMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  const chunkSize = options.commitChunkSize ?? 500;
  return {
    async readSettings(portalId) {
      const portal = await db.portal.findUnique({ where: { id: portalId } });
      if (!portal) return null;
      const rows = await db.syncSettings.findMany({ where: { portalId } });
      return settingsFromRows(portalId, portal.planTier, rows);
    },

    async findLinks(portalId, object, side, ids) {
      if (ids.length === 0) return [];
      const column = side === 'hubspot' ? 'hubspotId' : 'quickbooksId';
      const rows = await db.recordLink.findMany({
        where: { portalId, object, [column]: { in: [...ids] } },
      });
      return rows.map(linkFromRow);
    },

    async findLinksByIds(portalId, linkIds) {
      if (linkIds.length === 0) return [];
      const ids = linkIds.map((id) => linkRowId(portalId, id));
      return (await db.recordLink.findMany({ where: { portalId, id: { in: ids } } })).map(linkFromRow);
    },

    upsertLinks: (links) => inTransaction(db, (tx) => writeLinks(tx, links)),
    setPendingCreates: (links) => inTransaction(db, (tx) => writeLinks(tx, links)),

    async readMergeBases(portalId, linkIds) {
      if (linkIds.length === 0) return [];
      const ids = linkIds.map((id) => linkRowId(portalId, id));
      const rows = await db.recordLink.findMany({ where: { portalId, id: { in: ids } } });
      return rows.map(mergeBaseFromRow).filter((b): b is MergeBase => b !== null);
    },

    // Chunk by chunk, each atomic (see commitChunks). A failure throws: the drain's notices are
    // not marked processed and come back after their lease; the chunks already stored are whole
    // pairs (link with its merge base), so the next drain re-plans the rest from both sides.
    async commitPlanResults(portalId, batch) {
      for (const part of commitChunks(batch, chunkSize)) {
        await inTransaction(db, async (tx) => {
          await writeLinks(tx, part.links);
          await writeMergeBases(tx, portalId, part.mergeBases);
          await writeStatuses(tx, part.statuses);
          await writeActivity(tx, part.activity);
        });
      }
    },

    claimNotices: (portalId, limit, at) => claimDueNotices(db, portalId, limit, at, leaseMs),

    async markNoticesProcessed(noticeIds) {
      if (noticeIds.length === 0) return;
      await db.changeNotice.updateMany({
        where: { id: { in: noticeIds.map(BigInt) } },
        data: { processedAt: now(), nextAttemptAt: null },
      });
    },

    async deferNotices(noticeIds, notBefore, reason) {
      if (noticeIds.length === 0) return;
      await db.changeNotice.updateMany({
        where: { id: { in: noticeIds.map(BigInt) } },
        data: { nextAttemptAt: notBefore, lastError: reason, attempts: { increment: 1 } },
      });
    },

    appendActivity: (entries) => inTransaction(db, (tx) => writeActivity(tx, entries)),
    upsertRecordStatuses: (statuses) => inTransaction(db, (tx) => writeStatuses(tx, statuses)),

    async getCursor(portalId: string, side: Side, object: SyncObject) {
      const row = await db.syncCursor.findUnique({
        where: { portalId_source_object: { portalId, source: side, object } },
      });
      return row?.position.toISOString() ?? null;
    },

    // Forward only, in one statement: a late or replayed poll, or two polls at once, never move the
    // cursor back (which would only make the next poll read more than it needs).
    async advanceCursor(portalId, side, object, cursor) {
      const position = new Date(cursor);
      await db.$executeRaw`
        INSERT INTO "SyncCursor" ("id", "portalId", "source", "object", "position", "updatedAt")
        VALUES (gen_random_uuid(), ${portalId}::uuid, ${side}::"Side", ${object}::"SyncObject", ${position}, now())
        ON CONFLICT ("portalId", "source", "object")
        DO UPDATE SET "position" = GREATEST("SyncCursor"."position", EXCLUDED."position"), "updatedAt" = now()`;
    },
  };
}
