import type { MergeBase, RecordOf } from '@ledgersync/sync-engine';
import type { DbClient } from '../client/create-prisma-client.ts';
import { linkRowId } from './link-row-id.ts';
import { mergeBaseColumns } from './link-rows.ts';

type BaseColumns = ReturnType<typeof mergeBaseColumns> & { invoiceLinkId?: string | null };

/**
 * Stores merge bases on their links, in one statement per call; a base whose link is unknown is a
 * bug upstream and is skipped. Columns a base does not name (a label it has none for, an amount
 * only invoices and payments carry) keep their stored value.
 */
export async function writeMergeBases(
  tx: DbClient,
  portalId: string,
  bases: readonly MergeBase[],
): Promise<void> {
  if (bases.length === 0) return;
  const invoiceOf = await paidInvoiceLinks(
    tx,
    portalId,
    bases.filter((b) => b.object === 'payment'),
  );
  // A link given two bases ends as the later one left it, as two writes in turn would.
  const byId = new Map<string, BaseColumns>();
  for (const base of bases) {
    const id = linkRowId(portalId, base.linkId);
    byId.set(id, {
      ...byId.get(id),
      ...mergeBaseColumns(base),
      ...(base.object === 'payment' ? { invoiceLinkId: invoiceOf(base) } : {}),
    });
  }
  const ids = [...byId.keys()];
  const rows = [...byId.values()];
  const has = (key: keyof BaseColumns) => rows.map((r) => r[key] !== undefined);
  const value = <K extends keyof BaseColumns>(key: K) => rows.map((r) => r[key] ?? null);
  await tx.$executeRaw`
    UPDATE "RecordLink" r SET
      "mergeBase" = l."mergeBase",
      "hubspotVersion" = l."hubspotVersion",
      "quickbooksSyncToken" = l."quickbooksSyncToken",
      "lastSyncedAt" = l."lastSyncedAt",
      "displayName" = CASE WHEN l."hasName" THEN l."displayName" ELSE r."displayName" END,
      "displayDetail" = CASE WHEN l."hasDetail" THEN l."displayDetail" ELSE r."displayDetail" END,
      "displayNumber" = CASE WHEN l."hasNumber" THEN l."displayNumber" ELSE r."displayNumber" END,
      "amount" = CASE WHEN l."hasAmount" THEN l."amount" ELSE r."amount" END,
      "currency" = CASE WHEN l."hasCurrency" THEN l."currency" ELSE r."currency" END,
      "invoiceLinkId" = CASE WHEN l."hasInvoiceLink" THEN l."invoiceLinkId" ELSE r."invoiceLinkId" END,
      "updatedAt" = now()
    FROM unnest(
      ${ids}::uuid[],
      ${rows.map((r) => JSON.stringify(r.mergeBase))}::jsonb[],
      ${value('hubspotVersion')}::text[],
      ${value('quickbooksSyncToken')}::text[],
      ${rows.map((r) => r.lastSyncedAt.toISOString())}::timestamp(3)[],
      ${has('displayName')}::boolean[], ${value('displayName')}::text[],
      ${has('displayDetail')}::boolean[], ${value('displayDetail')}::text[],
      ${has('displayNumber')}::boolean[], ${value('displayNumber')}::text[],
      ${has('amount')}::boolean[], ${value('amount')}::numeric[],
      ${has('currency')}::boolean[], ${value('currency')}::text[],
      ${has('invoiceLinkId')}::boolean[], ${value('invoiceLinkId')}::uuid[]
    ) AS l("id", "mergeBase", "hubspotVersion", "quickbooksSyncToken", "lastSyncedAt",
      "hasName", "displayName", "hasDetail", "displayDetail", "hasNumber", "displayNumber",
      "hasAmount", "amount", "hasCurrency", "currency", "hasInvoiceLink", "invoiceLinkId")
    WHERE r."id" = l."id" AND r."portalId" = ${portalId}::uuid`;
}

/**
 * The link of the invoice each payment is applied to (its first), for the invoice's card
 * (R-VIS-6), all looked up in one query.
 */
async function paidInvoiceLinks(
  tx: DbClient,
  portalId: string,
  payments: readonly MergeBase[],
): Promise<(base: MergeBase) => string | null> {
  const invoiceOn = (base: MergeBase, side: 'hubspot' | 'quickbooks') =>
    (base[side] as RecordOf<'payment'> | null)?.appliedTo[0]?.invoiceId ?? null;
  const ids = (side: 'hubspot' | 'quickbooks') =>
    [...new Set(payments.map((b) => invoiceOn(b, side)))].filter((id): id is string => id !== null);
  const hubspotIds = ids('hubspot');
  const quickbooksIds = ids('quickbooks');
  if (hubspotIds.length === 0 && quickbooksIds.length === 0) return () => null;
  const invoices = await tx.recordLink.findMany({
    where: {
      portalId,
      object: 'invoice',
      OR: [{ hubspotId: { in: hubspotIds } }, { quickbooksId: { in: quickbooksIds } }],
    },
    select: { id: true, hubspotId: true, quickbooksId: true },
  });
  const byHubspot = new Map(invoices.filter((i) => i.hubspotId !== null).map((i) => [i.hubspotId, i.id]));
  const byQuickbooks = new Map(
    invoices.filter((i) => i.quickbooksId !== null).map((i) => [i.quickbooksId, i.id]),
  );
  return (base) =>
    byHubspot.get(invoiceOn(base, 'hubspot')) ?? byQuickbooks.get(invoiceOn(base, 'quickbooks')) ?? null;
}
