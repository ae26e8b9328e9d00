import type { SyncObject, SyncSettings } from '@ledgersync/db';
import {
  customMappingSchema,
  type SyncObject as EngineObject,
  inboundFilterSchema,
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

export function readInboundFilters(row: SyncSettings | null) {
  return storedInboundFiltersSchema.parse(row?.inboundFilters ?? []);
}

/** The database names objects by HubSpot's plural; the engine by its canonical singular. */
export const ENGINE_OBJECT: Readonly<Record<SyncObject, EngineObject>> = {
  contacts: 'customer',
  products: 'product',
  invoices: 'invoice',
  payments: 'payment',
};

export const ALL_OBJECTS: readonly SyncObject[] = ['products', 'contacts', 'invoices', 'payments'];
