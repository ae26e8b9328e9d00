import {
  canonicalRecordSchemas,
  type Link,
  type MergeBase,
  type RecordOf,
  recordLabel,
  type SyncObject,
  sideSchema,
} from '@ledgersync/sync-engine';
import { z } from 'zod';
import type { Prisma, RecordLink } from '../generated/prisma/client.ts';

const pendingCreateSchema = z.object({ side: sideSchema, idempotencyKey: z.string().min(1) });

/** A stored link, as the engine sees it. */
export function linkFromRow(row: RecordLink): Link {
  const pending = row.pendingCreate === null ? null : pendingCreateSchema.parse(row.pendingCreate);
  return {
    id: row.id,
    portalId: row.portalId,
    object: row.object,
    hubspotId: row.hubspotId,
    quickbooksId: row.quickbooksId,
    origin: row.origin,
    linkVersion: row.version,
    state: pending ? 'pending_create' : row.deletedOn ? 'counterpart_deleted' : 'active',
    ...(row.deletedOn ? { deletedOn: row.deletedOn } : {}),
    pendingCreate: pending,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
  };
}

const storedBaseSchema = z.object({
  hubspot: z.unknown().nullable(),
  quickbooks: z.unknown().nullable(),
  hubspotVersion: z.string().nullable(),
  quickbooksVersion: z.string().nullable(),
  syncedAt: z.string(),
});

/** The merge base kept in `RecordLink.mergeBase`, validated on the way out (stored JSON is a boundary). */
export function mergeBaseFromRow(row: RecordLink): MergeBase | null {
  if (row.mergeBase === null) return null;
  const stored = storedBaseSchema.parse(row.mergeBase);
  const object = row.object;
  const record = (value: unknown) =>
    value === null ? null : (canonicalRecordSchemas[object].parse(value) as RecordOf<SyncObject>);
  return {
    linkId: row.id,
    object,
    hubspot: record(stored.hubspot),
    quickbooks: record(stored.quickbooks),
    hubspotVersion: stored.hubspotVersion,
    quickbooksVersion: stored.quickbooksVersion,
    syncedAt: stored.syncedAt,
  };
}

/** Columns derived from a merge base: the JSON itself plus what the card and overview list show. */
export function mergeBaseColumns(base: MergeBase) {
  const invoice =
    base.object === 'invoice' ? ((base.hubspot ?? base.quickbooks) as RecordOf<'invoice'> | null) : null;
  const payment =
    base.object === 'payment' ? ((base.hubspot ?? base.quickbooks) as RecordOf<'payment'> | null) : null;
  const named = base.hubspot ?? base.quickbooks;
  const label = named === null ? null : recordLabel(base.object, named);
  // An invoice is named by its QBO number, the one both sides show once it has synced.
  const number = invoice ? ((base.quickbooks as RecordOf<'invoice'> | null)?.number ?? invoice.number) : null;
  return {
    mergeBase: {
      hubspot: base.hubspot,
      quickbooks: base.quickbooks,
      hubspotVersion: base.hubspotVersion,
      quickbooksVersion: base.quickbooksVersion,
      syncedAt: base.syncedAt,
    } as Prisma.InputJsonValue,
    hubspotVersion: base.hubspotVersion,
    quickbooksSyncToken: base.quickbooksVersion,
    lastSyncedAt: new Date(base.syncedAt),
    ...(label ? { displayName: label.name, displayDetail: label.detail } : {}),
    ...(invoice
      ? {
          displayNumber: number,
          displayName: number,
          amount: invoice.total,
          currency: invoice.currency,
        }
      : {}),
    ...(payment ? { amount: payment.amount, currency: payment.currency } : {}),
  };
}
