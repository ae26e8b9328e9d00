import {
  customMappingSchema,
  inboundFilterSchema,
  syncObjectSchema,
  taxMappingSchema,
} from '@ledgersync/sync-engine';
import { z } from 'zod';
import { conflictResolutionSchema, directionSchema, isoDateTime } from './common.ts';

export const connectionSchema = z.object({
  status: z.enum(['not_connected', 'connected', 'needs_reauth', 'disconnected']),
  realmId: z.string().nullable(),
  companyName: z.string().nullable(),
  country: z.string().nullable(),
  homeCurrency: z.string().nullable(),
  connectedAt: isoDateTime.nullable(),
});

export const defaultMappingSchema = z.object({
  key: z.string(),
  label: z.string(),
  hubspotProperty: z.string(),
  quickbooksField: z.string(),
  flow: z.string(),
  canDisable: z.boolean(),
  enabled: z.boolean(),
});

export const objectSettingsSchema = z.object({
  object: syncObjectSchema,
  direction: directionSchema,
  enabled: z.boolean(),
  conflictResolution: conflictResolutionSchema,
  syncStartedAt: isoDateTime.nullable(),
  defaultMappings: z.array(defaultMappingSchema),
});

/** `GET /api/v1/settings` — everything the settings page shows (R-CON-4..6, R-MAP-*, R-FLT-*). */
export const settingsResponseSchema = z.object({
  portal: z.object({
    hubId: z.string(),
    planTier: z.enum(['free', 'starter', 'professional', 'enterprise']),
  }),
  connection: connectionSchema,
  /** The HubSpot installation: `needs_reauth` once HubSpot refused its refresh; syncs wait for a reinstall. */
  hubspot: z.object({ status: z.enum(['active', 'needs_reauth']) }),
  objects: z.array(objectSettingsSchema),
  invoice: z.object({
    customMappings: z.array(customMappingSchema),
    /** R-MAP-4: on the free tier "Add a mapping" is shown locked, with this reason. */
    customMappingsLocked: z.object({ locked: z.boolean(), reason: z.string().nullable() }),
    /** R-FLT-1: fixed, shown read-only. */
    outboundFilters: z.array(z.object({ id: z.string(), label: z.string() })),
    inboundFilters: z.array(inboundFilterSchema),
    /** R-FLT-2: shown on first set-up. */
    recommendedInboundFilter: inboundFilterSchema,
    customLineItemIncomeAccountId: z.string().nullable(),
    /** R-ERR-5: the QBO tax code every synced line gets, for companies outside the US. */
    taxMapping: taxMappingSchema.nullable(),
  }),
  notes: z.array(z.string()),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

export const objectParamsSchema = z.object({ object: syncObjectSchema });

/** `PUT /api/v1/settings/objects/:object` — edit, turn on or turn off one object's sync (R-CON-5). */
export const updateObjectSettingsSchema = z
  .object({
    direction: directionSchema.exclude(['off']).optional(),
    enabled: z.boolean().optional(),
    conflictResolution: conflictResolutionSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'give at least one of direction, enabled, conflictResolution');
export type UpdateObjectSettings = z.infer<typeof updateObjectSettingsSchema>;

/** `PUT /api/v1/settings/objects/:object/fields` — default mappings switched off (R-MAP-3). */
export const updateFieldsSchema = z.object({ disabledFields: z.array(z.string().min(1)).max(100) }).strict();

/** `POST /api/v1/settings/custom-mappings` and `PUT …/:mappingId` (R-MAP-4, R-MAP-5). */
export const customMappingInputSchema = customMappingSchema.omit({ id: true });
export const mappingParamsSchema = z.object({ mappingId: z.string().min(1).max(64) });

/** `PUT /api/v1/settings/inbound-filters` (R-FLT-2). */
export const inboundFiltersInputSchema = z.object({ filters: z.array(inboundFilterSchema).max(20) }).strict();

/** `PUT /api/v1/settings/custom-line-item-account` (R-OBJ-1). */
export const incomeAccountInputSchema = z.object({ accountId: z.string().min(1).max(64) }).strict();

/** `GET /api/v1/settings/income-accounts`. */
export const incomeAccountsResponseSchema = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** `GET /api/v1/settings/tax-codes` — the company's active tax codes (R-ERR-5). */
export const taxCodesResponseSchema = z.object({
  taxCodes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().nullable() })),
});

/** `PUT /api/v1/settings/tax-mapping` — a default tax code, optionally one per HubSpot product id. */
export const taxMappingInputSchema = z
  .object({
    defaultTaxCodeId: z.string().min(1, 'choose a default tax code').max(64),
    byHubspotProductId: z
      .record(z.string().regex(/^\d{1,20}$/, 'must be a HubSpot product id'), z.string().min(1).max(64))
      .refine((r) => Object.keys(r).length <= 500, 'at most 500 product tax codes')
      .default({}),
  })
  .strict();
export const taxMappingResponseSchema = z.object({ taxMapping: taxMappingSchema.nullable() });

/** `GET /api/v1/settings/field-catalogue` — both sides' invoice fields for custom mappings. */
export const fieldCatalogueSchema = z.object({
  hubspot: z.array(
    z.object({ name: z.string(), label: z.string(), type: z.string(), readOnly: z.boolean() }),
  ),
  quickbooks: z.array(
    z.object({ field: z.string(), label: z.string(), type: z.string(), custom: z.boolean() }),
  ),
});

/** `GET /api/v1/settings/recommendations` — the QBO settings the article recommends (R-CON-6). */
export const recommendationsSchema = z.object({
  checks: z.array(
    z.object({
      id: z.enum(['custom_transaction_numbers', 'closed_period_locked', 'revenue_recognition']),
      label: z.string(),
      ok: z.boolean(),
      warning: z.string().nullable(),
    }),
  ),
});

/** `POST /api/v1/connections/quickbooks` — starts Intuit OAuth; the UI opens `authorizeUrl`. */
export const connectStartResponseSchema = z.object({ authorizeUrl: z.string() });
/** `DELETE /api/v1/connections/quickbooks` (R-CON-3). */
export const disconnectResponseSchema = z.object({ status: z.literal('disconnected') });
