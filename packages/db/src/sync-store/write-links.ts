import type { Link, MergeBase, RecordOf } from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import { Prisma, type RecordLink } from '../generated/prisma/client.ts';
import { linkRowId } from './link-row-id.ts';
import { linkColumns, mergeBaseColumns } from './link-rows.ts';

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

/**
 * Inserts or replaces links by id, refusing to go back in version. A row that only carried the
 * status of a not-yet-linked record (one side id, no merge base) is absorbed when a link claims
 * that record, since a record belongs to one link only.
 */
export async function writeLinks(tx: DbClient, links: readonly Link[]): Promise<void> {
  for (const link of links) {
    const id = linkRowId(link.portalId, link.id);
    const existing = await tx.recordLink.findUnique({ where: { id } });
    if (existing && existing.version > link.linkVersion) {
      throw new StaleLinkError(id, existing.version, link.linkVersion);
    }
    await absorbStatusOnlyRows(tx, link, id);
    const columns = linkColumns(link, existing?.deletedOn ?? null);
    if (existing) await tx.recordLink.update({ where: { id }, data: columns });
    else {
      await tx.recordLink.create({ data: columns });
      await claimActivity(tx, link, id);
    }
  }
}

/**
 * A new link takes over the activity of its records from before it existed (a failure or an
 * exclusion kept on a status-only row it absorbed), so a record's history stays whole (R-VIS-6).
 */
async function claimActivity(tx: DbClient, link: Link, id: string): Promise<void> {
  const sameRecord = [
    ...(link.hubspotId === null ? [] : [{ hubspotId: link.hubspotId }]),
    ...(link.quickbooksId === null ? [] : [{ quickbooksId: link.quickbooksId }]),
  ];
  if (sameRecord.length === 0) return;
  await tx.syncActivity.updateMany({
    where: { portalId: link.portalId, object: link.object, linkId: null, OR: sameRecord },
    data: { linkId: id },
  });
}

async function absorbStatusOnlyRows(tx: DbClient, link: Link, id: string): Promise<void> {
  const sameRecord = [
    ...(link.hubspotId === null ? [] : [{ hubspotId: link.hubspotId, quickbooksId: null }]),
    ...(link.quickbooksId === null ? [] : [{ quickbooksId: link.quickbooksId, hubspotId: null }]),
  ];
  if (sameRecord.length === 0) return;
  const object = linkColumns(link, null).object;
  await tx.recordLink.deleteMany({
    where: {
      portalId: link.portalId,
      object,
      id: { not: id },
      mergeBase: { equals: Prisma.DbNull },
      OR: sameRecord,
    },
  });
}

/** Stores merge bases on their links; a base whose link is unknown is a bug upstream and is skipped. */
export async function writeMergeBases(
  tx: DbClient,
  portalId: string,
  bases: readonly MergeBase[],
): Promise<void> {
  for (const base of bases) {
    await tx.recordLink.updateMany({
      where: { id: linkRowId(portalId, base.linkId), portalId },
      data: {
        ...mergeBaseColumns(base),
        ...(base.object === 'payment' ? { invoiceLinkId: await paidInvoiceLinkId(tx, portalId, base) } : {}),
      },
    });
  }
}

/** The link of the invoice a payment is applied to (its first), for the invoice's card (R-VIS-6). */
async function paidInvoiceLinkId(tx: DbClient, portalId: string, base: MergeBase): Promise<string | null> {
  const invoiceOn = (side: 'hubspot' | 'quickbooks') =>
    (base[side] as RecordOf<'payment'> | null)?.appliedTo[0]?.invoiceId ?? null;
  const hubspotId = invoiceOn('hubspot');
  const quickbooksId = invoiceOn('quickbooks');
  const either = [
    ...(hubspotId === null ? [] : [{ hubspotId }]),
    ...(quickbooksId === null ? [] : [{ quickbooksId }]),
  ];
  if (either.length === 0) return null;
  const invoice = await tx.recordLink.findFirst({
    where: { portalId, object: 'invoice', OR: either },
    select: { id: true },
  });
  return invoice?.id ?? null;
}

export async function existingRows(
  tx: DbClient,
  portalId: string,
  ids: readonly string[],
): Promise<Map<string, RecordLink>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.recordLink.findMany({ where: { portalId, id: { in: [...new Set(ids)] } } });
  return new Map(rows.map((r) => [r.id, r]));
}
