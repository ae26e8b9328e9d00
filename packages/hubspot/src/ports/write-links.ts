import type { CanonicalInvoiceLine, RecordOf, SyncObject } from '@ledgersync/sync-engine';
import { associateDefault, readAssociations, removeAssociations } from '../crm/associations.ts';
import { batchArchiveObjects, batchUpsertObjects } from '../crm/batch-objects.ts';
import { QBO_ID_PROPERTY } from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError } from '../http/hubspot-failure.ts';
import { canonicalToLineItemProperties } from '../mapping/map-invoice.ts';

/**
 * A line item belongs to one invoice, so its upsert key is the invoice id and its position: a
 * repeated write updates the same line items instead of adding more.
 */
export function lineKey(invoiceId: string, index: number): string {
  return `${invoiceId}:${index}`;
}

/**
 * Replaces an invoice's lines with `lines` (upsert by position, archive the rest, associate).
 * A `fresh` invoice (just created) has no lines to archive, so its associations are not read.
 * Returns each invoice's line item ids, in line order.
 */
export async function writeInvoiceLines(
  client: HubSpotClient,
  invoices: readonly {
    id: string;
    lines: readonly CanonicalInvoiceLine[];
    currency: string;
    fresh?: boolean;
  }[],
): Promise<Map<string, string[]>> {
  const written = new Map<string, string[]>(invoices.map((i) => [i.id, []]));
  if (invoices.length === 0) return written;
  const replaced = invoices.filter((i) => !i.fresh).map((i) => i.id);
  const existing =
    replaced.length > 0 ? await readAssociations(client, 'invoices', 'line_items', replaced) : new Map();
  const inputs = invoices.flatMap((inv) =>
    inv.lines.map((line, i) => ({
      key: lineKey(inv.id, i),
      invoiceId: inv.id,
      properties: canonicalToLineItemProperties(line, inv.currency),
    })),
  );
  const results = await batchUpsertObjects(client, 'line_items', QBO_ID_PROPERTY, inputs);
  const pairs: { from: string; to: string }[] = [];
  results.forEach((r, i) => {
    if (!r.ok) throw new HubSpotCallError(r.failure);
    const invoiceId = inputs[i]?.invoiceId ?? '';
    pairs.push({ from: r.value.id, to: invoiceId });
    written.get(invoiceId)?.push(r.value.id);
  });
  await associateDefault(client, 'line_items', 'invoices', pairs);
  const kept = new Set(pairs.map((p) => p.from));
  const stale = invoices.flatMap((inv) =>
    ((existing.get(inv.id) as string[] | undefined) ?? []).filter((id) => !kept.has(id)),
  );
  if (stale.length > 0) await batchArchiveObjects(client, 'line_items', stale);
  return written;
}

/** Associations implied by a record's references (billing contact; paid invoices). */
export async function writeReferences<O extends SyncObject>(
  client: HubSpotClient,
  object: O,
  written: readonly { id: string; record: Partial<RecordOf<O>> }[],
  /** Records just created: they have no contact to replace, so theirs are not read. */
  fresh: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (object === 'invoice') {
    const pairs = written.flatMap(({ id, record }) => {
      const customerId = (record as Partial<RecordOf<'invoice'>>).customerId;
      return customerId ? [{ from: id, to: customerId }] : [];
    });
    if (pairs.length > 0) {
      // An invoice has one billing contact: a changed customer replaces the old association.
      const replacing = pairs.filter((p) => !fresh.has(p.from)).map((p) => p.from);
      const current =
        replacing.length > 0
          ? await readAssociations(client, 'invoices', 'contacts', replacing)
          : new Map<string, string[]>();
      const replaced = pairs.flatMap((p) =>
        (current.get(p.from) ?? []).filter((c) => c !== p.to).map((to) => ({ from: p.from, to })),
      );
      await associateDefault(client, 'invoices', 'contacts', pairs);
      if (replaced.length > 0) await removeAssociations(client, 'invoices', 'contacts', replaced);
    }
  }
  if (object === 'payment') {
    const toInvoices = written.flatMap(({ id, record }) =>
      ((record as Partial<RecordOf<'payment'>>).appliedTo ?? []).map((a) => ({ from: id, to: a.invoiceId })),
    );
    const toContacts = written.flatMap(({ id, record }) => {
      const customerId = (record as Partial<RecordOf<'payment'>>).customerId;
      return customerId ? [{ from: id, to: customerId }] : [];
    });
    if (toInvoices.length > 0) await associateDefault(client, 'commerce_payments', 'invoices', toInvoices);
    if (toContacts.length > 0) await associateDefault(client, 'commerce_payments', 'contacts', toContacts);
  }
}
