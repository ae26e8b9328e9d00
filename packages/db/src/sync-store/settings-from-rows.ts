import {
  customMappingSchema,
  inboundFilterSchema,
  type PortalSettings,
  portalSettingsSchema,
  recordFilterSchema,
  taxMappingSchema,
} from '@ledgersync/sync-engine';
import { z } from 'zod';
import type { PlanTier, SyncSettings } from '../generated/prisma/client.ts';

/**
 * The layout of `SyncSettings`' JSON columns, shared by the server (which writes them) and the
 * worker (which reads them). Unknown keys are ignored; a malformed column falls back to defaults
 * rather than stopping every sync of the portal.
 */
export const fieldMappingsColumnSchema = z.object({
  disabledFields: z.array(z.string()).default([]),
  customMappings: z.array(customMappingSchema).default([]),
});
export const inboundFiltersColumnSchema = z.array(inboundFilterSchema);
export const optionsColumnSchema = z.object({
  avoidDuplicateDisplayNames: z.boolean().default(false),
  requireSku: z.boolean().default(true),
  taxMapping: taxMappingSchema.nullable().default(null),
  /** Contact and product rule filters (R-FLT-5); a damaged entry drops the list, never the sync. */
  filters: z.array(recordFilterSchema).catch([]).default([]),
});

function parseOr<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

function objectSettings(row: SyncSettings | undefined) {
  if (!row) return { enabled: false };
  const mappings = parseOr(fieldMappingsColumnSchema, row.fieldMappings, {
    disabledFields: [],
    customMappings: [],
  });
  return {
    enabled: row.enabled && row.direction !== 'off',
    direction: row.direction === 'off' ? ('two_way' as const) : row.direction,
    conflictPolicy: {
      kind: row.conflictResolution === 'quickbooks' ? 'prefer_quickbooks' : 'prefer_hubspot',
    } as const,
    disabledFields: mappings.disabledFields,
    customMappings: mappings.customMappings,
    syncStartedAt: row.syncStartedAt?.toISOString() ?? null,
  };
}

/** Builds the engine's settings from a portal's rows (payments derive theirs from invoices). */
export function settingsFromRows(
  portalId: string,
  planTier: PlanTier,
  rows: readonly SyncSettings[],
): PortalSettings {
  const row = (object: SyncSettings['object']) => rows.find((r) => r.object === object);
  const options = (object: SyncSettings['object']) =>
    parseOr(optionsColumnSchema, row(object)?.options ?? {}, optionsColumnSchema.parse({}));
  const { customMappings: _c, ...customer } = objectSettings(row('customer'));
  const { customMappings: _p, ...product } = objectSettings(row('product'));
  const invoiceRow = row('invoice');
  return portalSettingsSchema.parse({
    portalId,
    planTier,
    customer: {
      ...customer,
      avoidDuplicateDisplayNames: options('customer').avoidDuplicateDisplayNames,
      filters: options('customer').filters,
    },
    product: { ...product, requireSku: options('product').requireSku, filters: options('product').filters },
    invoice: {
      ...objectSettings(invoiceRow),
      inboundFilters: parseOr(inboundFiltersColumnSchema, invoiceRow?.inboundFilters ?? [], []),
      customLineItemIncomeAccountId: invoiceRow?.customLineItemIncomeAccountId ?? null,
      taxMapping: options('invoice').taxMapping,
    },
  });
}
