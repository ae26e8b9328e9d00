import {
  type ActivityEntry,
  type ActivityKind,
  newLinkId,
  otherSide,
  type RecordStatus,
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

/** Appends activity; a link id that has no row (yet) is dropped rather than failing the batch. */
export async function writeActivity(tx: DbClient, entries: readonly ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const portalIds = new Set(entries.map((e) => e.portalId));
  const rows = new Map<string, { hubspotId: string | null; quickbooksId: string | null }>();
  for (const portalId of portalIds) {
    const ids = entries
      .filter((e) => e.portalId === portalId && e.linkId)
      .map((e) => linkRowId(portalId, e.linkId ?? ''));
    for (const [id, row] of await existingRows(tx, portalId, ids)) rows.set(id, row);
  }
  await tx.syncActivity.createMany({
    data: entries.map((e) => {
      const id = e.linkId === null ? null : linkRowId(e.portalId, e.linkId);
      const link = id === null ? undefined : rows.get(id);
      return {
        portalId: e.portalId,
        linkId: link ? id : null,
        object: e.object,
        hubspotId: e.side === 'hubspot' ? e.recordId : (link?.hubspotId ?? null),
        quickbooksId: e.side === 'quickbooks' ? e.recordId : (link?.quickbooksId ?? null),
        direction: directionOfWrite(WRITES.has(e.kind) ? e.side : otherSide(e.side)),
        action: e.kind,
        changedFields: [...(e.fields ?? [])],
        errorCode: e.errorCode ?? null,
        message: e.message,
        occurredAt: new Date(e.at),
      };
    }),
  });
}
