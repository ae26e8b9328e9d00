import { type InvalidRecord, type SideRecord, type SyncObject, syncError } from '@ledgersync/sync-engine';
import { readAssociations } from '../crm/associations.ts';
import { batchReadObjects } from '../crm/batch-objects.ts';
import type { HubSpotObject } from '../crm/hubspot-object.ts';
import { OBJECT_TYPE_FOR } from '../crm/object-types.ts';
import { readWithAssociations } from '../crm/read-with-associations.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import type { CustomInvoiceProperty } from '../mapping/invoice-custom-properties.ts';
import { CONTACT_PROPERTIES, contactToCanonical } from '../mapping/map-contact.ts';
import { INVOICE_PROPERTIES, invoiceToCanonical, LINE_ITEM_PROPERTIES } from '../mapping/map-invoice.ts';
import { PAYMENT_PROPERTIES, paymentToCanonical } from '../mapping/map-payment.ts';
import { PRODUCT_PROPERTIES, productToCanonical } from '../mapping/map-product.ts';
import { InvalidPropertyValue } from '../mapping/property-values.ts';
import type { InvoiceSourceCatalogue } from './invoice-source-catalogue.ts';

export const PROPERTIES_FOR: Readonly<Record<SyncObject, readonly string[]>> = {
  customer: CONTACT_PROPERTIES,
  product: PRODUCT_PROPERTIES,
  invoice: INVOICE_PROPERTIES,
  payment: PAYMENT_PROPERTIES,
};

/** The properties to ask for: an invoice's custom-mapped properties come along (R-MAP-4). */
export function propertiesToRead(object: SyncObject, custom: readonly CustomInvoiceProperty[]): string[] {
  const base = PROPERTIES_FOR[object];
  return object === 'invoice' ? [...new Set([...base, ...custom.map((c) => c.property)])] : [...base];
}

function envelope<O extends SyncObject>(
  object: O,
  o: HubSpotObject,
  record: SideRecord<O>['record'],
): SideRecord<O> {
  return {
    side: 'hubspot',
    object,
    id: o.id,
    version: o.updatedAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    record,
  };
}

/**
 * Turns raw HubSpot records into canonical ones, fetching what they reference in batches:
 * an invoice's line items and billing contact, a payment's invoices and contact.
 */
/** An invoice's line items and contact as this process just wrote them (a created invoice). */
export interface KnownInvoiceLinks {
  readonly lineIds: readonly string[];
  readonly contactId: string | null;
}

/**
 * Maps each raw record on its own: one holding a value we cannot take (a price of "1e3") goes to
 * `invalid` with invalid_field_value instead of failing the whole read. Without a sink it throws.
 */
function mapEach<O extends SyncObject>(
  object: O,
  raw: readonly HubSpotObject[],
  invalid: InvalidRecord[] | null,
  map: (o: HubSpotObject) => SideRecord<O>['record'],
): SideRecord<O>[] {
  return raw.flatMap((o) => {
    try {
      return [envelope(object, o, map(o))];
    } catch (error) {
      if (!(error instanceof InvalidPropertyValue) || invalid === null) throw error;
      invalid.push({
        id: o.id,
        error: syncError('invalid_field_value', `HubSpot ${object} ${o.id}: ${error.message}`),
      });
      return [];
    }
  });
}

export async function toSideRecords<O extends SyncObject>(
  client: HubSpotClient,
  object: O,
  raw: readonly HubSpotObject[],
  custom: readonly CustomInvoiceProperty[] = [],
  known: ReadonlyMap<string, KnownInvoiceLinks> = new Map(),
  invalid: InvalidRecord[] | null = null,
  sources: InvoiceSourceCatalogue | null = null,
): Promise<SideRecord<O>[]> {
  const ids = raw.map((o) => o.id);
  if (object === 'customer')
    return mapEach(object, raw, invalid, (o) => contactToCanonical(o) as SideRecord<O>['record']);
  if (object === 'product')
    return mapEach(object, raw, invalid, (o) => productToCanonical(o) as SideRecord<O>['record']);
  if (object === 'invoice') {
    // Invoices this process just created carry their links; only the others' are read.
    const unknown = ids.filter((id) => !known.has(id));
    const [lineIds, contactIds] =
      unknown.length > 0
        ? await Promise.all([
            readAssociations(client, 'invoices', 'line_items', unknown),
            readAssociations(client, 'invoices', 'contacts', unknown),
          ])
        : [new Map<string, string[]>(), new Map<string, string[]>()];
    for (const [id, k] of known) {
      lineIds.set(id, [...k.lineIds]);
      contactIds.set(id, k.contactId === null ? [] : [k.contactId]);
    }
    const allLines = [...lineIds.values()].flat();
    const { found } = await batchReadObjects(client, 'line_items', allLines, LINE_ITEM_PROPERTIES);
    const lines = new Map(found.map((l) => [l.id, l]));
    const sourceOptions = sources
      ? await sources.optionsFor(raw.map((o) => o.properties.hs_invoice_source ?? null))
      : [];
    return mapEach(object, raw, invalid, (o) => {
      // Line order: HubSpot keeps `hs_position_on_quote` on quotes only; ids grow with creation.
      const own = (lineIds.get(o.id) ?? [])
        .map((id) => lines.get(id))
        .filter((l): l is HubSpotObject => l !== undefined)
        .sort((a, b) => Number(a.id) - Number(b.id));
      const customer = (contactIds.get(o.id) ?? [])[0] ?? null;
      return invoiceToCanonical(o, own, customer, custom, sourceOptions) as SideRecord<O>['record'];
    });
  }
  const [invoiceIds, contactIds] = await Promise.all([
    readAssociations(client, 'commerce_payments', 'invoices', ids),
    readAssociations(client, 'commerce_payments', 'contacts', ids),
  ]);
  return mapEach(
    object,
    raw,
    invalid,
    (o) =>
      paymentToCanonical(
        o,
        (contactIds.get(o.id) ?? [])[0] ?? null,
        invoiceIds.get(o.id) ?? [],
      ) as SideRecord<O>['record'],
  );
}

export async function readRecordsByIds<O extends SyncObject>(
  client: HubSpotClient,
  object: O,
  ids: readonly string[],
  custom: readonly CustomInvoiceProperty[] = [],
  known: ReadonlyMap<string, KnownInvoiceLinks> = new Map(),
  sources: InvoiceSourceCatalogue | null = null,
): Promise<{ records: SideRecord<O>[]; missing: string[]; invalid: InvalidRecord[] }> {
  const few = object === 'invoice' && new Set(ids).size <= FEW_INVOICES;
  const { found, missing, links } = few
    ? await readInvoicesWithLinks(client, ids, propertiesToRead(object, custom))
    : {
        ...(await batchReadObjects(client, OBJECT_TYPE_FOR[object], ids, propertiesToRead(object, custom))),
        links: new Map<string, KnownInvoiceLinks>(),
      };
  const merged = mergedAway(ids, found);
  const invalid: InvalidRecord[] = [];
  const records = await toSideRecords(
    client,
    object,
    found,
    custom,
    new Map([...links, ...known]),
    invalid,
    sources,
  );
  return {
    invalid: invalid.map((bad) => ({ ...bad, id: merged.get(bad.id) ?? bad.id })),
    // A merged-away id is answered by its survivor: it is reported under the asked id (R-OBJ-7).
    records: records.map((r) => {
      const askedFor = merged.get(r.id);
      return askedFor === undefined ? r : { ...r, id: askedFor, mergedInto: r.id };
    }),
    missing: missing.filter((id) => ![...merged.values()].includes(id)),
  };
}

/**
 * Up to this many invoices are read one call each with their line and contact ids (a change or
 * two, as steady editing brings them); more take a batch read and one associations read per type.
 */
const FEW_INVOICES = 2;

async function readInvoicesWithLinks(
  client: HubSpotClient,
  ids: readonly string[],
  properties: readonly string[],
): Promise<{ found: HubSpotObject[]; missing: string[]; links: Map<string, KnownInvoiceLinks> }> {
  const found: HubSpotObject[] = [];
  const missing: string[] = [];
  const links = new Map<string, KnownInvoiceLinks>();
  for (const id of new Set(ids)) {
    const read = await readWithAssociations(client, 'invoices', id, properties, ['line_items', 'contacts']);
    if (read === null) {
      missing.push(id);
      continue;
    }
    found.push(read.object);
    // A paged list is read in full by the associations API instead.
    if (read.complete)
      links.set(read.object.id, {
        lineIds: read.associations.get('line_items') ?? [],
        contactId: (read.associations.get('contacts') ?? [])[0] ?? null,
      });
  }
  return { found, missing, links };
}

/**
 * HubSpot answers a read of a merged-away record with the surviving one, whose
 * `hs_merged_object_ids` lists the asked id. Returns survivor id → asked (merged) id for the
 * survivors that were not asked for themselves.
 */
function mergedAway(ids: readonly string[], found: readonly HubSpotObject[]): Map<string, string> {
  const asked = new Set(ids);
  const out = new Map<string, string>();
  for (const o of found) {
    if (asked.has(o.id)) continue;
    const from = (o.properties.hs_merged_object_ids ?? '').split(';').find((id) => asked.has(id));
    if (from !== undefined) out.set(o.id, from);
  }
  return out;
}
