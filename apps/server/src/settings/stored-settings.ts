import type { SyncSettings } from '@ledgersync/db';
import {
  customMappingSchema,
  type InboundFilter,
  inboundFilterSchema,
  migrateLegacyInboundFilter,
  type RecordFilter,
  recordFilterSchema,
  type SyncObject,
  type TaxMapping,
  taxMappingSchema,
} from '@ledgersync/sync-engine';
import { z } from 'zod';

// The JSON columns of SyncSettings, as this app and the worker read them. Unknown or damaged
// content falls back to the defaults instead of failing the whole settings page.
export const storedFieldMappingsSchema = z.object({
  disabledFields: z.array(z.string()).catch([]).default([]),
  customMappings: z.array(customMappingSchema).catch([]).default([]),
});
export type StoredFieldMappings = z.infer<typeof storedFieldMappingsSchema>;
export const storedInboundFiltersSchema = z.array(inboundFilterSchema).catch([]);

export function readFieldMappings(row: SyncSettings | null): StoredFieldMappings {
  return storedFieldMappingsSchema
    .catch({ disabledFields: [], customMappings: [] })
    .parse(row?.fieldMappings ?? {});
}

/** Filters saved with QuickBooks' own field names read as the catalogue's names (R-FLT-2). */
export function readInboundFilters(row: SyncSettings | null): InboundFilter[] {
  return storedInboundFiltersSchema.parse(row?.inboundFilters ?? []).map(migrateLegacyInboundFilter);
}

/** The invoices row's `options` column as an object (other keys belong to other settings). */
export function readOptions(row: SyncSettings | null): Record<string, unknown> {
  const options = row?.options;
  return options && typeof options === 'object' && !Array.isArray(options)
    ? (options as Record<string, unknown>)
    : {};
}

/** R-FLT-5: a contact or product rule's filters, under `options.filters` of its row. */
export function readRecordFilters(row: SyncSettings | null): RecordFilter[] {
  const parsed = z.array(recordFilterSchema).safeParse(readOptions(row).filters ?? []);
  return parsed.success ? parsed.data : [];
}

/** R-ERR-5: stored under `options.taxMapping` of the invoices row, where the worker reads it. */
export function readTaxMapping(row: SyncSettings | null): TaxMapping | null {
  const parsed = taxMappingSchema.safeParse(readOptions(row).taxMapping);
  return parsed.success ? parsed.data : null;
}

/** The order the settings page and the overview list objects in: the order of set-up (R-CON-4). */
export const ALL_OBJECTS: readonly SyncObject[] = ['product', 'customer', 'invoice', 'payment'];

/** How messages name an object for people: HubSpot's name, as the settings page labels it. */
export const OBJECT_NOUN: Readonly<Record<SyncObject, string>> = {
  product: 'products',
  customer: 'contacts',
  invoice: 'invoices',
  payment: 'payments',
};
