import type { Link } from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import type { Side } from '../generated/prisma/client.ts';
import { linkRowId } from './link-row-id.ts';

/** A link write lost the optimistic race: someone stored a newer version of the pair. */
export class StaleLinkError extends Error {
  constructor(
    readonly linkId: string,
    readonly storedVersion: number,
    readonly attemptedVersion: number,
  ) {
    super(`link ${linkId} is at version ${storedVersion}; refusing to store version ${attemptedVersion}`);
    this.name = 'StaleLinkError';
  }
}

interface LinkRow {
  readonly id: string;
  readonly portalId: string;
  readonly object: Link['object'];
  readonly hubspotId: string | null;
  readonly quickbooksId: string | null;
  readonly origin: Side;
  readonly version: number;
  readonly pendingCreate: string | null;
  readonly deletedOn: Side | null;
  readonly lastSyncedAt: string | null;
}

/**
 * Inserts or replaces links by id, refusing to go back in version. A row that only carried the
 * status of a not-yet-linked record (one side id, no merge base) is absorbed when a link claims
 * that record, since a record belongs to one link only. A fixed number of statements however many
 * links: a first sync writes a thousand per page, and a statement each made the store, not the
 * APIs, what a page waited on.
 */
export async function writeLinks(tx: DbClient, links: readonly Link[]): Promise<void> {
  if (links.length === 0) return;
  await absorbStatusOnlyRows(tx, links);
  const stored = await storedLinkState(tx, [...new Set(links.map((l) => linkRowId(l.portalId, l.id)))]);
  // Applied in order, as one write after another would be: a link named twice keeps its last
  // version, and a later entry older than an earlier one is refused like an older stored row.
  const current = new Map(stored);
  const rows = new Map<string, { row: LinkRow; link: Link }>();
  for (const link of links) {
    const id = linkRowId(link.portalId, link.id);
    const before = current.get(id);
    if (before && before.version > link.linkVersion) {
      throw new StaleLinkError(id, before.version, link.linkVersion);
    }
    const row = linkRow(link, id, before?.deletedOn ?? null);
    current.set(id, { version: row.version, deletedOn: row.deletedOn });
    rows.set(id, { row, link });
  }
  await upsertLinkRows(
    tx,
    [...rows.values()].map((r) => r.row),
  );
  await claimActivity(
    tx,
    [...rows.entries()].filter(([id]) => !stored.has(id)).map(([, r]) => r.row),
  );
}

function linkRow(link: Link, id: string, storedDeletedOn: Side | null): LinkRow {
  return {
    id,
    portalId: link.portalId,
    object: link.object,
    hubspotId: link.hubspotId,
    quickbooksId: link.quickbooksId,
    origin: link.origin,
    version: link.linkVersion,
    pendingCreate: link.pendingCreate === null ? null : JSON.stringify({ ...link.pendingCreate }),
    deletedOn:
      link.state === 'counterpart_deleted' ? (link.deletedOn ?? storedDeletedOn ?? link.origin) : null,
    lastSyncedAt: link.lastSyncedAt === null ? null : new Date(link.lastSyncedAt).toISOString(),
  };
}

async function storedLinkState(tx: DbClient, ids: readonly string[]) {
  const rows = await tx.recordLink.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, version: true, deletedOn: true },
  });
  return new Map(rows.map((r) => [r.id, { version: r.version, deletedOn: r.deletedOn }]));
}

async function absorbStatusOnlyRows(tx: DbClient, links: readonly Link[]): Promise<void> {
  const claiming = links.filter((l) => l.hubspotId !== null || l.quickbooksId !== null);
  if (claiming.length === 0) return;
  // Two equality joins rather than one join on an OR: each can use the side id's unique index,
  // where the OR compared every claimed record with every one-sided row of the portal.
  await tx.$executeRaw`
    WITH l AS (
      SELECT * FROM unnest(
        ${claiming.map((l) => linkRowId(l.portalId, l.id))}::uuid[],
        ${claiming.map((l) => l.portalId)}::uuid[],
        ${claiming.map((l) => l.object)}::"SyncObject"[],
        ${claiming.map((l) => l.hubspotId)}::text[],
        ${claiming.map((l) => l.quickbooksId)}::text[]
      ) AS l("id", "portalId", "object", "hubspotId", "quickbooksId")
    )
    DELETE FROM "RecordLink" WHERE "id" IN (
      SELECT r."id" FROM l JOIN "RecordLink" r
        ON r."portalId" = l."portalId" AND r."object" = l."object" AND r."hubspotId" = l."hubspotId"
      WHERE r."quickbooksId" IS NULL AND r."mergeBase" IS NULL AND r."id" <> l."id"
      UNION ALL
      SELECT r."id" FROM l JOIN "RecordLink" r
        ON r."portalId" = l."portalId" AND r."object" = l."object" AND r."quickbooksId" = l."quickbooksId"
      WHERE r."hubspotId" IS NULL AND r."mergeBase" IS NULL AND r."id" <> l."id"
    )`;
}

/** Status, error and merge base columns are left as they are: they are written separately. */
async function upsertLinkRows(tx: DbClient, rows: readonly LinkRow[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "RecordLink" ("id", "portalId", "object", "hubspotId", "quickbooksId", "origin", "version",
      "pendingCreate", "deletedOn", "lastSyncedAt", "updatedAt")
    SELECT l."id", l."portalId", l."object", l."hubspotId", l."quickbooksId", l."origin", l."version",
      l."pendingCreate", l."deletedOn", l."lastSyncedAt", now()
    FROM unnest(
      ${rows.map((r) => r.id)}::uuid[],
      ${rows.map((r) => r.portalId)}::uuid[],
      ${rows.map((r) => r.object)}::"SyncObject"[],
      ${rows.map((r) => r.hubspotId)}::text[],
      ${rows.map((r) => r.quickbooksId)}::text[],
      ${rows.map((r) => r.origin)}::"Side"[],
      ${rows.map((r) => r.version)}::int[],
      ${rows.map((r) => r.pendingCreate)}::jsonb[],
      ${rows.map((r) => r.deletedOn)}::"Side"[],
      ${rows.map((r) => r.lastSyncedAt)}::timestamp(3)[]
    ) AS l("id", "portalId", "object", "hubspotId", "quickbooksId", "origin", "version", "pendingCreate",
      "deletedOn", "lastSyncedAt")
    ON CONFLICT ("id") DO UPDATE SET
      "portalId" = EXCLUDED."portalId",
      "object" = EXCLUDED."object",
      "hubspotId" = EXCLUDED."hubspotId",
      "quickbooksId" = EXCLUDED."quickbooksId",
      "origin" = EXCLUDED."origin",
      "version" = EXCLUDED."version",
      "pendingCreate" = EXCLUDED."pendingCreate",
      "deletedOn" = EXCLUDED."deletedOn",
      "lastSyncedAt" = EXCLUDED."lastSyncedAt",
      "updatedAt" = now()`;
}

/**
 * New links take over the activity of their records from before they existed (a failure or an
 * exclusion kept on a status-only row they absorbed), so a record's history stays whole (R-VIS-6).
 */
async function claimActivity(tx: DbClient, created: readonly LinkRow[]): Promise<void> {
  const claiming = created.filter((l) => l.hubspotId !== null || l.quickbooksId !== null);
  if (claiming.length === 0) return;
  await tx.$executeRaw`
    WITH l AS (
      SELECT * FROM unnest(
        ${claiming.map((l) => l.id)}::uuid[],
        ${claiming.map((l) => l.portalId)}::uuid[],
        ${claiming.map((l) => l.object)}::"SyncObject"[],
        ${claiming.map((l) => l.hubspotId)}::text[],
        ${claiming.map((l) => l.quickbooksId)}::text[]
      ) AS l("id", "portalId", "object", "hubspotId", "quickbooksId")
    ), unclaimed AS (
      SELECT * FROM "SyncActivity"
      WHERE "portalId" = ANY(${[...new Set(claiming.map((l) => l.portalId))]}::uuid[]) AND "linkId" IS NULL
    )
    UPDATE "SyncActivity" a SET "linkId" = m."linkId"
    FROM (
      SELECT u."id", l."id" AS "linkId" FROM l JOIN unclaimed u
        ON u."portalId" = l."portalId" AND u."object" = l."object" AND u."hubspotId" = l."hubspotId"
      UNION ALL
      SELECT u."id", l."id" AS "linkId" FROM l JOIN unclaimed u
        ON u."portalId" = l."portalId" AND u."object" = l."object" AND u."quickbooksId" = l."quickbooksId"
    ) m
    WHERE a."id" = m."id"`;
}
