import { z } from 'zod';
import { directionSchema, syncObjectSchema } from './contract.ts';

// The settings half of the server's API contract (apps/server/src/api-contract/settings.ts), re-declared.

export const fieldTypeSchema = z.enum(['string', 'enumeration', 'number', 'date', 'datetime', 'boolean']);
export type FieldType = z.infer<typeof fieldTypeSchema>;
export const conflictResolutionSchema = z.enum(['hubspot', 'quickbooks']);
export type ConflictResolution = z.infer<typeof conflictResolutionSchema>;
export const planTierSchema = z.enum(['free', 'starter', 'professional', 'enterprise']);

export const connectionSchema = z.object({
  status: z.enum(['not_connected', 'connected', 'needs_reauth', 'disconnected']),
  realmId: z.string().nullable(),
  companyName: z.string().nullable(),
  country: z.string().nullable(),
  homeCurrency: z.string().nullable(),
  connectedAt: z.string().nullable(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const defaultMappingSchema = z.object({
  key: z.string(),
  label: z.string(),
  hubspotProperty: z.string(),
  quickbooksField: z.string(),
  flow: z.string(),
  canDisable: z.boolean(),
  enabled: z.boolean(),
});
export type DefaultMapping = z.infer<typeof defaultMappingSchema>;

export const objectSettingsSchema = z.object({
  object: syncObjectSchema,
  direction: directionSchema,
  enabled: z.boolean(),
  conflictResolution: conflictResolutionSchema,
  syncStartedAt: z.string().nullable(),
  defaultMappings: z.array(defaultMappingSchema),
});
export type ObjectSettings = z.infer<typeof objectSettingsSchema>;

export const customMappingSchema = z.object({
  id: z.string(),
  hubspot: z.object({ property: z.string(), label: z.string(), type: fieldTypeSchema }),
  quickbooks: z.object({ field: z.string(), label: z.string(), type: fieldTypeSchema, custom: z.boolean() }),
  direction: directionSchema.exclude(['off']),
  enabled: z.boolean(),
});
export type CustomMapping = z.infer<typeof customMappingSchema>;
export type CustomMappingInput = Omit<CustomMapping, 'id'>;

const filterValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);
export const inboundFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('primary'), field: z.string(), operator: z.string(), value: filterValueSchema }),
  z.object({
    kind: z.literal('associated_with'),
    association: z.literal('customer'),
    field: z.string(),
    operator: z.string(),
    value: filterValueSchema,
  }),
]);
export type InboundFilter = z.infer<typeof inboundFilterSchema>;

/** R-ERR-5: a QBO tax code for every line of an invoice sent to a company outside the US. */
export const taxMappingSchema = z.object({
  defaultTaxCodeId: z.string(),
  byHubspotProductId: z.record(z.string(), z.string()).default({}),
});
export type TaxMapping = z.infer<typeof taxMappingSchema>;

export const settingsResponseSchema = z.object({
  portal: z.object({ hubId: z.string(), planTier: planTierSchema }),
  connection: connectionSchema,
  /** Absent from servers older than the HubSpot installation status: treated as active. */
  hubspot: z.object({ status: z.enum(['active', 'needs_reauth']) }).optional(),
  objects: z.array(objectSettingsSchema),
  invoice: z.object({
    customMappings: z.array(customMappingSchema),
    customMappingsLocked: z.object({ locked: z.boolean(), reason: z.string().nullable() }),
    outboundFilters: z.array(z.object({ id: z.string(), label: z.string() })),
    inboundFilters: z.array(inboundFilterSchema),
    recommendedInboundFilter: inboundFilterSchema,
    customLineItemIncomeAccountId: z.string().nullable(),
    /** Absent from servers older than the tax mapping: treated as none. */
    taxMapping: taxMappingSchema.nullable().optional(),
  }),
  notes: z.array(z.string()),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

export const mappingsResponseSchema = z.object({ customMappings: z.array(customMappingSchema) });
export const inboundFiltersResponseSchema = z.object({ inboundFilters: z.array(inboundFilterSchema) });
export const incomeAccountsResponseSchema = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const fieldCatalogueSchema = z.object({
  hubspot: z.array(
    z.object({ name: z.string(), label: z.string(), type: z.string(), readOnly: z.boolean() }),
  ),
  quickbooks: z.array(
    z.object({ field: z.string(), label: z.string(), type: z.string(), custom: z.boolean() }),
  ),
});
export type FieldCatalogue = z.infer<typeof fieldCatalogueSchema>;
export const recommendationsSchema = z.object({
  checks: z.array(
    z.object({ id: z.string(), label: z.string(), ok: z.boolean(), warning: z.string().nullable() }),
  ),
});
export type Recommendations = z.infer<typeof recommendationsSchema>;
export const connectStartResponseSchema = z.object({ authorizeUrl: z.string() });
export const disconnectResponseSchema = z.object({ status: z.literal('disconnected') });
export const taxCodesResponseSchema = z.object({
  taxCodes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().nullable() })),
});
export const taxMappingResponseSchema = z.object({ taxMapping: taxMappingSchema.nullable() });
export const lineItemAccountResponseSchema = z.object({ customLineItemIncomeAccountId: z.string() });
