import { z } from 'zod';
import {
  conflictResolutionSchema,
  connectionStatusSchema,
  directionSchema,
  installationStatusSchema,
  isoDateTime,
} from './common.ts';
import {
  customMappingSchema,
  filterOperatorSchema,
  inboundFilterSchema,
  mappableFieldTypeSchema,
  planTierSchema,
  recordFilterSchema,
  syncObjectSchema,
  taxMappingSchema,
} from './engine-schemas.ts';

/** Why a saved filter cannot be evaluated, with what would be accepted (R-FLT-2). */
export const filterProblemSchema = z
  .object({
    code: z.enum([
      'unknown_filter_field',
      'operator_not_allowed',
      'invalid_filter_value',
      'filter_kind_not_allowed',
    ]),
    field: z.string(),
    message: z.string(),
    allowed: z.array(z.string()),
  })
  .meta({ id: 'FilterProblem' });

/** One saved filter as the page shows it: in words, or broken with why and how to fix it. */
export const filterCheckSchema = z
  .object({
    index: z.number().int(),
    description: z.string().nullable(),
    problem: filterProblemSchema.nullable(),
    fix: z.string().nullable(),
  })
  .meta({ id: 'FilterCheck' });

/** A field a filter may test: the engine's catalogue, served as it is (R-FLT-2, R-FLT-5). */
export const filterFieldSchema = z
  .object({
    name: z.string(),
    label: z.string(),
    type: z.enum(['datetime', 'date', 'number', 'string', 'enumeration', 'boolean', 'reference']),
    operators: z.array(filterOperatorSchema),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  })
  .meta({ id: 'FilterField' });

const sidesFieldsSchema = z.object({
  hubspot: z.array(filterFieldSchema),
  quickbooks: z.array(filterFieldSchema),
});

export const filterCatalogueSchema = z
  .object({
    /** QBO invoice fields (custom fields included) for inbound invoice filters. */
    invoice: z.array(filterFieldSchema),
    /** QBO customer fields, for "associated with customer" invoice filters. */
    associatedCustomer: z.array(filterFieldSchema),
    customer: sidesFieldsSchema,
    product: sidesFieldsSchema,
    /** How each operator reads ("is after"), for the operator picker. */
    operatorLabels: z.record(z.string(), z.string()),
  })
  .meta({ id: 'FilterCatalogue' });

export const connectionSchema = z
  .object({
    status: connectionStatusSchema,
    realmId: z.string().nullable(),
    companyName: z.string().nullable(),
    country: z.string().nullable(),
    homeCurrency: z.string().nullable(),
    connectedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Connection' });

/** Which way a default mapping's field may flow; `read_only` fields are compared, never written. */
export const fieldFlowSchema = z
  .enum(['two_way', 'hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'read_only'])
  .meta({ id: 'FieldFlow' });

export const defaultMappingSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    hubspotProperty: z.string(),
    quickbooksField: z.string(),
    flow: fieldFlowSchema,
    canDisable: z.boolean(),
    enabled: z.boolean(),
  })
  .meta({ id: 'DefaultMapping' });

export const objectSettingsSchema = z
  .object({
    object: syncObjectSchema,
    direction: directionSchema,
    enabled: z.boolean(),
    conflictResolution: conflictResolutionSchema,
    syncStartedAt: isoDateTime.nullable(),
    defaultMappings: z.array(defaultMappingSchema),
    /** R-FLT-5: contact and product rule filters (always empty for invoices and payments). */
    filters: z.array(recordFilterSchema),
    filterChecks: z.array(filterCheckSchema),
    /** The one-click filter the page recommends for this rule, with its label, if any. */
    recommendedFilter: z.object({ label: z.string(), filter: recordFilterSchema }).nullable(),
  })
  .meta({ id: 'ObjectSettings' });

/** `GET /api/v1/settings` — everything the settings page shows (R-CON-4..6, R-MAP-*, R-FLT-*). */
export const settingsResponseSchema = z
  .object({
    portal: z.object({ hubId: z.string(), planTier: planTierSchema }),
    connection: connectionSchema,
    hubspot: z.object({ status: installationStatusSchema }),
    objects: z.array(objectSettingsSchema),
    invoice: z.object({
      customMappings: z.array(customMappingSchema),
      /** R-MAP-4: on the free tier "Add a mapping" is shown locked, with this reason. */
      customMappingsLocked: z.object({ locked: z.boolean(), reason: z.string().nullable() }),
      /** R-FLT-1: fixed, shown read-only. */
      outboundFilters: z.array(z.object({ id: z.string(), label: z.string() })),
      /** Legacy field names come back migrated to the catalogue's. */
      inboundFilters: z.array(inboundFilterSchema),
      inboundFilterChecks: z.array(filterCheckSchema),
      /** R-FLT-2: shown on first set-up; added with `POST /settings/inbound-filters/recommended`. */
      recommendedInboundFilter: z.object({ label: z.string(), filter: inboundFilterSchema }),
      customLineItemIncomeAccountId: z.string().nullable(),
      /** R-ERR-5: the QBO tax code every synced line gets, for companies outside the US. */
      taxMapping: taxMappingSchema.nullable(),
    }),
  })
  .meta({ id: 'SettingsResponse' });
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
/** Every custom mapping after a change. */
export const mappingsResponseSchema = z
  .object({ customMappings: z.array(customMappingSchema) })
  .meta({ id: 'MappingsResponse' });

/** `PUT /api/v1/settings/inbound-filters` (R-FLT-2). */
export const inboundFiltersInputSchema = z.object({ filters: z.array(inboundFilterSchema).max(20) }).strict();
export const inboundFiltersResponseSchema = z
  .object({ inboundFilters: z.array(inboundFilterSchema), inboundFilterChecks: z.array(filterCheckSchema) })
  .meta({ id: 'InboundFiltersResponse' });

/** `PUT /api/v1/settings/objects/:object/filters` — a contact or product rule's filters (R-FLT-5). */
export const recordFilterParamsSchema = z.object({ object: z.enum(['customer', 'product']) });
export const recordFiltersInputSchema = z.object({ filters: z.array(recordFilterSchema).max(20) }).strict();

/** `GET /api/v1/settings/quickbooks-customers?search=` — customers to pick for a filter (R-FLT-2). */
export const customerSearchQuerySchema = z.object({
  search: z.string().trim().min(1, 'type part of the customer name').max(100),
});
export const customerSearchResponseSchema = z
  .object({ customers: z.array(z.object({ id: z.string(), name: z.string() })) })
  .meta({ id: 'QuickBooksCustomerSearch' });

/** `PUT /api/v1/settings/custom-line-item-account` (R-OBJ-1). */
export const incomeAccountInputSchema = z.object({ accountId: z.string().min(1).max(64) }).strict();
export const customLineItemAccountResponseSchema = z
  .object({ customLineItemIncomeAccountId: z.string() })
  .meta({ id: 'CustomLineItemAccountResponse' });

/** `GET /api/v1/settings/income-accounts`. */
export const incomeAccountsResponseSchema = z
  .object({ accounts: z.array(z.object({ id: z.string(), name: z.string() })) })
  .meta({ id: 'IncomeAccountsResponse' });

/** `GET /api/v1/settings/tax-codes` — the company's active tax codes (R-ERR-5). */
export const taxCodesResponseSchema = z
  .object({
    taxCodes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().nullable() })),
  })
  .meta({ id: 'TaxCodesResponse' });

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
export const taxMappingResponseSchema = z
  .object({ taxMapping: taxMappingSchema.nullable() })
  .meta({ id: 'TaxMappingResponse' });

/** `GET /api/v1/settings/field-catalogue` — both sides' invoice fields for custom mappings, and the filter catalogue. */
export const fieldCatalogueSchema = z
  .object({
    hubspot: z.array(
      z.object({
        name: z.string(),
        label: z.string(),
        /** `unsupported`: a HubSpot property type no QBO field can take; listed, never mappable. */
        type: z.union([mappableFieldTypeSchema, z.literal('unsupported')]),
        readOnly: z.boolean(),
      }),
    ),
    quickbooks: z.array(
      z.object({ field: z.string(), label: z.string(), type: mappableFieldTypeSchema, custom: z.boolean() }),
    ),
    /** What filters may test: the same catalogue the engine evaluates (R-FLT-2, R-FLT-5). */
    filters: filterCatalogueSchema,
  })
  .meta({ id: 'FieldCatalogue' });

/** `GET /api/v1/settings/recommendations` — the QBO settings the article recommends (R-CON-6). */
export const recommendationsSchema = z
  .object({
    checks: z.array(
      z.object({
        id: z.enum(['custom_transaction_numbers', 'closed_period_locked', 'revenue_recognition']),
        label: z.string(),
        ok: z.boolean(),
        warning: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Recommendations' });

/** `POST /api/v1/connections/quickbooks` — starts Intuit OAuth; the UI opens `authorizeUrl`. */
export const connectStartResponseSchema = z
  .object({ authorizeUrl: z.string() })
  .meta({ id: 'ConnectStartResponse' });
/** `DELETE /api/v1/connections/quickbooks` (R-CON-3). */
export const disconnectResponseSchema = z
  .object({ status: z.literal('disconnected') })
  .meta({ id: 'DisconnectResponse' });
/** `POST /api/v1/app/uninstall`. */
export const uninstallResponseSchema = z
  .object({ status: z.literal('uninstalled') })
  .meta({ id: 'UninstallResponse' });
