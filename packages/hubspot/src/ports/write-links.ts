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

/** Replaces an invoice's lines with `lines` (upsert by position, archive the rest, associate). */
export async function writeInvoiceLines(
  client: HubSpotClient,
  invoices: readonly { id: string; lines: readonly CanonicalInvoiceLine[]; currency: string }[],
): Promise<void> {
  if (invoices.length === 0) return;
  const existing = await readAssociations(
    client,
    'invoices',
    'line_items',
    invoices.map((i) => i.id),
  );
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
    pairs.push({ from: r.value.id, to: inputs[i]?.invoiceId ?? '' });
  });
  await associateDefault(client, 'line_items', 'invoices', pairs);
  const kept = new Set(pairs.map((p) => p.from));
  const stale = invoices.flatMap((inv) => (existing.get(inv.id) ?? []).filter((id) => !kept.has(id)));
  if (stale.length > 0) await batchArchiveObjects(client, 'line_items', stale);
}

/** Associations implied by a record's references (billing contact; paid invoices). */
export async function writeReferences<O extends SyncObject>(
  client: HubSpotClient,
  object: O,
  written: readonly { id: string; record: Partial<RecordOf<O>> }[],
): Promise<void> {
  if (object === 'invoice') {
    const pairs = written.flatMap(({ id, record }) => {
      const customerId = (record as Partial<RecordOf<'invoice'>>).customerId;
      return customerId ? [{ from: id, to: customerId }] : [];
    });
    if (pairs.length > 0) {
      // An invoice has one billing contact: a changed customer replaces the old association.
      const current = await readAssociations(
        client,
        'invoices',
        'contacts',
        pairs.map((p) => p.from),
      );
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
