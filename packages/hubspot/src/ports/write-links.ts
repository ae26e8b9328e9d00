import type { CanonicalInvoiceLine, RecordOf, SyncObject } from '@ledgersync/sync-engine';
import { associateDefault, readAssociations, removeAssociations } from '../crm/associations.ts';
import { batchArchiveObjects, batchUpsertObjects, type ItemResult } from '../crm/batch-objects.ts';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { QBO_ID_PROPERTY } from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError } from '../http/hubspot-failure.ts';
import { canonicalToLineItemProperties } from '../mapping/map-invoice.ts';
import type { AssociationTypeCatalogue } from './association-type-catalogue.ts';
import { createRecords } from './create-records.ts';
import { withSent } from './records-from-answers.ts';

/**
 * A line item belongs to one invoice, so its upsert key is the invoice id and its position: a
 * repeated write updates the same line items instead of adding more.
 */
export function lineKey(invoiceId: string, index: number): string {
  return `${invoiceId}:${index}`;
}

/**
 * Replaces an invoice's lines with `lines` (upsert by position, archive the rest, associate).
 * A `fresh` invoice (just created) has no lines to archive or replace: its lines are created with
 * their invoice association inline, and its associations are not read.
 * Returns each invoice's line items as HubSpot answered their write, in line order.
 */
export async function writeInvoiceLines(
  client: HubSpotClient,
  catalogue: AssociationTypeCatalogue,
  invoices: readonly {
    id: string;
    lines: readonly CanonicalInvoiceLine[];
    currency: string;
    fresh?: boolean;
  }[],
): Promise<Map<string, HubSpotObject[]>> {
  const written = new Map<string, HubSpotObject[]>(invoices.map((i) => [i.id, []]));
  if (invoices.length === 0) return written;
  const inputsOf = (list: typeof invoices) =>
    list.flatMap((inv) =>
      inv.lines.map((line, i) => ({
        key: lineKey(inv.id, i),
        invoiceId: inv.id,
        properties: canonicalToLineItemProperties(line, inv.currency),
      })),
    );
  const keep = (invoiceId: string, properties: Properties, r: ItemResult<HubSpotObject>) => {
    if (!r.ok) throw new HubSpotCallError(r.failure);
    written.get(invoiceId)?.push(withSent(r.value, properties));
  };

  const created = inputsOf(invoices.filter((i) => i.fresh));
  const createdResults = await createRecords(
    client,
    catalogue,
    'line_items',
    created.map((c) => ({
      key: c.key,
      properties: c.properties,
      links: [{ toType: 'invoices' as const, toId: c.invoiceId }],
    })),
  );
  createdResults.forEach((r, i) => {
    keep(created[i]?.invoiceId ?? '', created[i]?.properties ?? {}, r);
  });

  const replacedInvoices = invoices.filter((i) => !i.fresh);
  if (replacedInvoices.length === 0) return written;
  const replaced = replacedInvoices.map((i) => i.id);
  const existing = await readAssociations(client, 'invoices', 'line_items', replaced);
  const inputs = inputsOf(replacedInvoices);
  const results = await batchUpsertObjects(client, 'line_items', QBO_ID_PROPERTY, inputs);
  const pairs: { from: string; to: string }[] = [];
  results.forEach((r, i) => {
    const invoiceId = inputs[i]?.invoiceId ?? '';
    keep(invoiceId, inputs[i]?.properties ?? {}, r);
    if (r.ok) pairs.push({ from: r.value.id, to: invoiceId });
  });
  await associateDefault(client, 'line_items', 'invoices', pairs);
  const kept = new Set(pairs.map((p) => p.from));
  const stale = replaced.flatMap((id) => (existing.get(id) ?? []).filter((line) => !kept.has(line)));
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
