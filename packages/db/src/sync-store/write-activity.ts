import {
  type ActivityEntry,
  type ActivityKind,
  otherSide,
  type Side,
  type SyncObject,
} from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import { directionOfWrite } from './direction-of-write.ts';
import { linkRowId } from './link-row-id.ts';

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

async function existingRows(tx: DbClient, portalId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; hubspotId: string | null; quickbooksId: string | null }>();
  const rows = await tx.recordLink.findMany({
    where: { portalId, id: { in: [...new Set(ids)] } },
    select: { id: true, hubspotId: true, quickbooksId: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}
