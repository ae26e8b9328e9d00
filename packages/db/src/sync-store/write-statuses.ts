import { newLinkId, type RecordStatus, type Side, type SyncObject } from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import type { LinkStatus, Prisma } from '../generated/prisma/client.ts';
import { linkRowId } from './link-row-id.ts';

interface StatusColumns {
  status: LinkStatus;
  errorCode: string | null;
  errorMessage: string | null;
  exclusionReason: string | null;
  displayName?: string | null;
  displayDetail?: string | null;
}

/** A stored row's change: the last status's columns, and its attempts reset and/or counted up. */
interface RowUpdate {
  columns: StatusColumns;
  resetAttempts: boolean;
  addAttempts: number;
}

interface KnownRow {
  readonly id: string;
  readonly hasMergeBase: boolean;
  readonly created?: Prisma.RecordLinkCreateManyInput;
}

/**
 * Status lives on the link row (the card and the overview read it there). A record that has no
 * link yet (excluded, or failed before its first write) gets a row with only its own side's id,
 * named as the engine will name its link, so the later create or match lands on the same row.
 * One read, one insert and one update however many statuses: the statuses are applied in order to
 * what was read, as one write after another would apply them.
 */
export async function writeStatuses(tx: DbClient, statuses: readonly RecordStatus[]): Promise<void> {
  if (statuses.length === 0) return;
  const { byId, bySide } = await readStatusRows(tx, statuses);
  const updates = new Map<string, RowUpdate>();
  const created: Prisma.RecordLinkCreateManyInput[] = [];
  for (const s of statuses) {
    const idColumn = s.side === 'hubspot' ? 'hubspotId' : 'quickbooksId';
    const byLink = s.linkId === null ? null : linkRowId(s.portalId, s.linkId);
    const row =
      (byLink ? byId.get(byLink) : undefined) ??
      bySide.get(sideKey(s.portalId, s.object, s.side, s.recordId));
    const columns: StatusColumns = {
      status: s.state,
      errorCode: s.errorCode,
      errorMessage: s.state === 'synced' ? null : s.message,
      exclusionReason: s.exclusionReason,
      // Once a pair has synced, its merge base names it; until then the record read in this pass.
      ...(s.label && !row?.hasMergeBase ? { displayName: s.label.name, displayDetail: s.label.detail } : {}),
    };
    const failed = s.state === 'failed';
    if (row?.created) {
      Object.assign(row.created, columns, { attempts: failed ? (row.created.attempts ?? 0) + 1 : 0 });
    } else if (row) {
      const before = updates.get(row.id);
      updates.set(row.id, {
        columns: { ...before?.columns, ...columns },
        resetAttempts: failed ? (before?.resetAttempts ?? false) : true,
        addAttempts: failed ? (before?.addAttempts ?? 0) + 1 : 0,
      });
    } else {
      const id = linkRowId(s.portalId, newLinkId(s.object, s.side, s.recordId));
      const data: Prisma.RecordLinkCreateManyInput = {
        ...columns,
        id,
        portalId: s.portalId,
        object: s.object,
        origin: s.side,
        [idColumn]: s.recordId,
        attempts: failed ? 1 : 0,
      };
      created.push(data);
      const known = { id, hasMergeBase: false, created: data };
      byId.set(id, known);
      bySide.set(sideKey(s.portalId, s.object, s.side, s.recordId), known);
    }
  }
  if (created.length > 0) await tx.recordLink.createMany({ data: created });
  await updateStatusRows(tx, updates);
}

const sideKey = (portalId: string, object: SyncObject, side: Side, recordId: string) =>
  `${portalId}|${object}|${side}|${recordId}`;

/** Every row a status can land on: by its link's id, or by its record's own side id. */
async function readStatusRows(tx: DbClient, statuses: readonly RecordStatus[]) {
  const linkIds = statuses.flatMap((s) => (s.linkId === null ? [] : [linkRowId(s.portalId, s.linkId)]));
  const groups = new Map<string, { portalId: string; object: SyncObject; side: Side; ids: Set<string> }>();
  for (const s of statuses) {
    const key = `${s.portalId}|${s.object}|${s.side}`;
    const group = groups.get(key) ?? { portalId: s.portalId, object: s.object, side: s.side, ids: new Set() };
    group.ids.add(s.recordId);
    groups.set(key, group);
  }
  const rows = await tx.recordLink.findMany({
    where: {
      OR: [
        ...(linkIds.length > 0 ? [{ id: { in: [...new Set(linkIds)] } }] : []),
        ...[...groups.values()].map((g) => ({
          portalId: g.portalId,
          object: g.object,
          [g.side === 'hubspot' ? 'hubspotId' : 'quickbooksId']: { in: [...g.ids] },
        })),
      ],
    },
    select: { id: true, portalId: true, object: true, hubspotId: true, quickbooksId: true, mergeBase: true },
  });
  const byId = new Map<string, KnownRow>();
  const bySide = new Map<string, KnownRow>();
  for (const r of rows) {
    const known = { id: r.id, hasMergeBase: r.mergeBase !== null };
    byId.set(r.id, known);
    if (r.hubspotId !== null) bySide.set(sideKey(r.portalId, r.object, 'hubspot', r.hubspotId), known);
    if (r.quickbooksId !== null)
      bySide.set(sideKey(r.portalId, r.object, 'quickbooks', r.quickbooksId), known);
  }
  return { byId, bySide };
}

async function updateStatusRows(tx: DbClient, updates: ReadonlyMap<string, RowUpdate>): Promise<void> {
  if (updates.size === 0) return;
  const rows = [...updates.values()];
  const named = (r: RowUpdate) => r.columns.displayName !== undefined;
  await tx.$executeRaw`
    UPDATE "RecordLink" r SET
      "status" = l."status",
      "errorCode" = l."errorCode",
      "errorMessage" = l."errorMessage",
      "exclusionReason" = l."exclusionReason",
      "displayName" = CASE WHEN l."named" THEN l."displayName" ELSE r."displayName" END,
      "displayDetail" = CASE WHEN l."named" THEN l."displayDetail" ELSE r."displayDetail" END,
      "attempts" = CASE WHEN l."resetAttempts" THEN 0 ELSE r."attempts" END + l."addAttempts",
      "updatedAt" = now()
    FROM unnest(
      ${[...updates.keys()]}::uuid[],
      ${rows.map((r) => r.columns.status)}::"LinkStatus"[],
      ${rows.map((r) => r.columns.errorCode)}::text[],
      ${rows.map((r) => r.columns.errorMessage)}::text[],
      ${rows.map((r) => r.columns.exclusionReason)}::text[],
      ${rows.map(named)}::boolean[],
      ${rows.map((r) => r.columns.displayName ?? null)}::text[],
      ${rows.map((r) => r.columns.displayDetail ?? null)}::text[],
      ${rows.map((r) => r.resetAttempts)}::boolean[],
      ${rows.map((r) => r.addAttempts)}::int[]
    ) AS l("id", "status", "errorCode", "errorMessage", "exclusionReason", "named", "displayName",
      "displayDetail", "resetAttempts", "addAttempts")
    WHERE r."id" = l."id"`;
}
