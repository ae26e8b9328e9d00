import {
  type ActivityEntry,
  type ActivityKind,
  newLinkId,
  otherSide,
  type RecordStatus,
  type Side,
  type SyncObject,
} from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import { directionOfWrite } from './direction-of-write.ts';
import { linkRowId } from './link-row-id.ts';
import { existingRows } from './write-links.ts';

/**
 * Status lives on the link row (the card and the overview read it there). A record that has no
 * link yet (excluded, or failed before its first write) gets a row with only its own side's id,
 * named as the engine will name its link, so the later create or match lands on the same row.
 */
export async function writeStatuses(tx: DbClient, statuses: readonly RecordStatus[]): Promise<void> {
  for (const s of statuses) {
    const idColumn = s.side === 'hubspot' ? 'hubspotId' : 'quickbooksId';
    const byLink = s.linkId === null ? null : linkRowId(s.portalId, s.linkId);
    const row =
      (byLink ? await tx.recordLink.findUnique({ where: { id: byLink } }) : null) ??
      (await tx.recordLink.findFirst({
        where: { portalId: s.portalId, object: s.object, [idColumn]: s.recordId },
      }));
    const columns = {
      status: s.state,
      errorCode: s.errorCode,
      errorMessage: s.state === 'synced' ? null : s.message,
      exclusionReason: s.exclusionReason,
      // Once a pair has synced, its merge base names it; until then the record read in this pass.
      ...(s.label && !row?.mergeBase ? { displayName: s.label.name, displayDetail: s.label.detail } : {}),
    };
    if (row) {
      await tx.recordLink.update({
        where: { id: row.id },
        data: { ...columns, attempts: s.state === 'failed' ? { increment: 1 } : 0 },
      });
    } else {
      await tx.recordLink.create({
        data: {
          ...columns,
          id: linkRowId(s.portalId, newLinkId(s.object, s.side, s.recordId)),
          portalId: s.portalId,
          object: s.object,
          origin: s.side,
          [idColumn]: s.recordId,
          attempts: s.state === 'failed' ? 1 : 0,
        },
      });
    }
  }
}

// For these kinds the entry's side is the side written; for the others it is the source side.
const WRITES = new Set<ActivityKind>([
  'created',
  'updated',
  'voided',
  'counterpart_deleted',
  'conflict_resolved',
]);

/**
 * Appends activity. An entry of a record that has no link yet (failed or excluded before its first
 * sync) is kept against the row holding that record's status, so its card shows it (R-VIS-6); a
 * link id that has no row (yet) is dropped rather than failing the batch.
 */
export async function writeActivity(tx: DbClient, entries: readonly ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const portalIds = new Set(entries.map((e) => e.portalId));
  const rows = new Map<string, { id: string; hubspotId: string | null; quickbooksId: string | null }>();
  const bySideId = new Map<string, { id: string; hubspotId: string | null; quickbooksId: string | null }>();
  for (const portalId of portalIds) {
    const mine = entries.filter((e) => e.portalId === portalId);
    const ids = mine.filter((e) => e.linkId).map((e) => linkRowId(portalId, e.linkId ?? ''));
    for (const [id, row] of await existingRows(tx, portalId, ids)) rows.set(id, row);
    for (const row of await rowsOfUnlinked(tx, portalId, mine)) {
      if (row.hubspotId) bySideId.set(sideKey(portalId, row.object, 'hubspot', row.hubspotId), row);
      if (row.quickbooksId) bySideId.set(sideKey(portalId, row.object, 'quickbooks', row.quickbooksId), row);
    }
  }
  await tx.syncActivity.createMany({
    data: entries.map((e) => {
      const id = e.linkId === null ? null : linkRowId(e.portalId, e.linkId);
      const link =
        id !== null
          ? rows.get(id)
          : e.recordId === null
            ? undefined
            : bySideId.get(sideKey(e.portalId, e.object, e.side, e.recordId));
      return {
        portalId: e.portalId,
        linkId: link?.id ?? null,
        object: e.object,
        hubspotId: e.side === 'hubspot' ? e.recordId : (link?.hubspotId ?? null),
        quickbooksId: e.side === 'quickbooks' ? e.recordId : (link?.quickbooksId ?? null),
        direction: directionOfWrite(WRITES.has(e.kind) ? e.side : otherSide(e.side)),
        action: e.kind,
        changedFields: [...(e.fields ?? [])],
        errorCode: e.errorCode ?? null,
        exclusionReason: e.exclusionReason ?? null,
        message: e.message,
        occurredAt: new Date(e.at),
      };
    }),
  });
}

const sideKey = (portalId: string, object: SyncObject, side: Side, recordId: string) =>
  `${portalId}|${object}|${side}|${recordId}`;

/** The rows of records whose entries carry no link id, found by the record's own side id. */
async function rowsOfUnlinked(tx: DbClient, portalId: string, entries: readonly ActivityEntry[]) {
  const where = new Map<
    string,
    { object: SyncObject; hubspotId: string } | { object: SyncObject; quickbooksId: string }
  >();
  for (const e of entries) {
    if (e.linkId !== null || e.recordId === null) continue;
    where.set(
      sideKey(portalId, e.object, e.side, e.recordId),
      e.side === 'hubspot'
        ? { object: e.object, hubspotId: e.recordId }
        : { object: e.object, quickbooksId: e.recordId },
    );
  }
  if (where.size === 0) return [];
  return tx.recordLink.findMany({
    where: { portalId, OR: [...where.values()] },
    select: { id: true, object: true, hubspotId: true, quickbooksId: true },
  });
}
