import { z } from 'zod';
import { isoDateTimeSchema, sideSchema } from '../records/sync-object.ts';

// Stored as JSON by the server and the database; every read goes through these schemas.

export const planTierSchema = z.enum(['free', 'starter', 'professional', 'enterprise']);
export type PlanTier = z.infer<typeof planTierSchema>;

export const directionSchema = z.enum(['hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'two_way']);
export type Direction = z.infer<typeof directionSchema>;

/** R-MAP-2, as a discriminated union so new policies can carry their own data. */
export const conflictPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prefer_hubspot') }),
  z.object({ kind: z.literal('prefer_quickbooks') }),
]);
export type ConflictPolicy = z.infer<typeof conflictPolicySchema>;

export const mappableFieldTypeSchema = z.enum([
  'string',
  'enumeration',
  'number',
  'date',
  'datetime',
  'boolean',
]);
export type MappableFieldType = z.infer<typeof mappableFieldTypeSchema>;

/** R-MAP-4: a HubSpot invoice property ⇄ a QBO invoice field (standard or custom, by DefinitionId). */
export const customMappingSchema = z.object({
  id: z.string().min(1),
  hubspot: z.object({ property: z.string().min(1), label: z.string(), type: mappableFieldTypeSchema }),
  quickbooks: z.object({
    field: z.string().min(1),
    label: z.string(),
    type: mappableFieldTypeSchema,
    custom: z.boolean(),
  }),
  direction: directionSchema,
  enabled: z.boolean(),
});
export type CustomMapping = z.infer<typeof customMappingSchema>;

export const filterOperatorSchema = z.enum([
  'eq',
  'neq',
  'contains',
  'not_contains',
  'starts_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_known',
  'is_unknown',
  'in',
  'not_in',
]);
export type FilterOperator = z.infer<typeof filterOperatorSchema>;

const filterValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);

/** R-FLT-2: a criterion on the invoice itself, or on its associated customer. */
export const inboundFilterSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('primary'),
    field: z.string().min(1),
    operator: filterOperatorSchema,
    value: filterValueSchema,
  }),
  z.object({
    kind: z.literal('associated_with'),
    association: z.literal('customer'),
    field: z.string().min(1),
    operator: filterOperatorSchema,
    value: filterValueSchema,
  }),
]);
export type InboundFilter = z.infer<typeof inboundFilterSchema>;

/**
 * R-FLT-5: a contact or product rule's filter. `property` tests a field of records read from
 * `side` (so a HubSpot-side filter guards HubSpot → QBO); `billing_contact_of_synced_invoice`
 * keeps only HubSpot contacts that an invoice being synced needs as its billing contact.
 */
export const recordFilterSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('property'),
    side: sideSchema,
    field: z.string().min(1),
    operator: filterOperatorSchema,
    value: filterValueSchema,
  }),
  z.object({ kind: z.literal('billing_contact_of_synced_invoice') }),
]);
export type RecordFilter = z.infer<typeof recordFilterSchema>;

/** The LedgerSync tax extension (R-ERR-5): a QBO tax code for every line, optionally per product. */
export const taxMappingSchema = z.object({
  defaultTaxCodeId: z.string().min(1),
  byHubspotProductId: z.record(z.string(), z.string()).default({}),
});
export type TaxMapping = z.infer<typeof taxMappingSchema>;

const objectSettingsBase = {
  enabled: z.boolean().default(false),
  direction: directionSchema.default('two_way'),
  conflictPolicy: conflictPolicySchema.default({ kind: 'prefer_hubspot' }),
  /** Default mapping keys switched off (R-MAP-3); absent means on. */
  disabledFields: z.array(z.string()).default([]),
  syncStartedAt: isoDateTimeSchema.nullable().default(null),
};

export const customerSettingsSchema = z.object({
  ...objectSettingsBase,
  /** Off by default: the article's behaviour is to fail with R-ERR-2. */
  avoidDuplicateDisplayNames: z.boolean().default(false),
  filters: z.array(recordFilterSchema).default([]),
});
export const productSettingsSchema = z.object({
  ...objectSettingsBase,
  requireSku: z.boolean().default(true),
  filters: z.array(recordFilterSchema).default([]),
});
export const invoiceSettingsSchema = z.object({
  ...objectSettingsBase,
  customMappings: z.array(customMappingSchema).default([]),
  inboundFilters: z.array(inboundFilterSchema).default([]),
  customLineItemIncomeAccountId: z.string().nullable().default(null),
  taxMapping: taxMappingSchema.nullable().default(null),
});

export const portalSettingsSchema = z.object({
  portalId: z.string().min(1),
  planTier: planTierSchema.default('free'),
  customer: customerSettingsSchema.default(customerSettingsSchema.parse({})),
  product: productSettingsSchema.default(productSettingsSchema.parse({})),
  invoice: invoiceSettingsSchema.default(invoiceSettingsSchema.parse({})),
});
export type PortalSettings = z.infer<typeof portalSettingsSchema>;
export type InvoiceSettings = z.infer<typeof invoiceSettingsSchema>;
export type PortalSettingsInput = z.input<typeof portalSettingsSchema>;
