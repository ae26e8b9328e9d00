import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { Side, SyncObject } from '../generated/prisma/client.ts';

export function createSyncCursorRepository(db: Db) {
  return {
    async get(portalId: string, source: Side, object: SyncObject, tx: DbClient = db): Promise<Date | null> {
      const row = await tx.syncCursor.findUnique({
        where: { portalId_source_object: { portalId, source, object } },
      });
      return row?.position ?? null;
    },
    /**
     * Moves the cursor forward only, in one statement: a late or replayed poll, or two pollers at
     * once, can never move it back and make us skip nothing but re-read less.
     */
    async advance(
      portalId: string,
      source: Side,
      object: SyncObject,
      position: Date,
      tx: DbClient = db,
    ): Promise<void> {
      await tx.$executeRaw`
        INSERT INTO "SyncCursor" ("id", "portalId", "source", "object", "position", "updatedAt")
        VALUES (gen_random_uuid(), ${portalId}::uuid, ${source}::"Side", ${object}::"SyncObject", ${position}, now())
        ON CONFLICT ("portalId", "source", "object")
        DO UPDATE SET "position" = GREATEST("SyncCursor"."position", EXCLUDED."position"), "updatedAt" = now()`;
    },
  };
}
export type SyncCursorRepository = ReturnType<typeof createSyncCursorRepository>;
