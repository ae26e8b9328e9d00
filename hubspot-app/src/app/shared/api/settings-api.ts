import type { BackendClient } from './backend-client.ts';
import {
  type BodyOf,
  connectStartResponseSchema,
  customLineItemAccountResponseSchema,
  disconnectResponseSchema,
  fieldCatalogueSchema,
  type InboundFilter,
  inboundFiltersResponseSchema,
  incomeAccountsResponseSchema,
  mappingsResponseSchema,
  objectSettingsSchema,
  quickBooksCustomerSearchSchema,
  type RecordFilter,
  recommendationsSchema,
  type SyncObject,
  settingsResponseSchema,
  taxCodesResponseSchema,
  taxMappingResponseSchema,
} from './generated/api-contract.ts';

// One function per settings route of the server's API (mounted under /api/v1).
const V1 = '/api/v1';

/** A custom mapping as the admin submits it (the server fills in types and labels from its catalogues). */
export type CustomMappingInput = BodyOf<'POST /api/v1/settings/custom-mappings'>;

export const getSettings = (c: BackendClient) => c.request('GET', `${V1}/settings`, settingsResponseSchema);

export const updateObjectSettings = (
  c: BackendClient,
  object: SyncObject,
  change: BodyOf<'PUT /api/v1/settings/objects/{object}'>,
) => c.request('PUT', `${V1}/settings/objects/${object}`, objectSettingsSchema, change);

export const updateDisabledFields = (c: BackendClient, object: SyncObject, disabledFields: string[]) =>
  c.request('PUT', `${V1}/settings/objects/${object}/fields`, objectSettingsSchema, { disabledFields });

export const getFieldCatalogue = (c: BackendClient) =>
  c.request('GET', `${V1}/settings/field-catalogue`, fieldCatalogueSchema);

export const addCustomMapping = (c: BackendClient, mapping: CustomMappingInput) =>
  c.request('POST', `${V1}/settings/custom-mappings`, mappingsResponseSchema, mapping);

export const editCustomMapping = (c: BackendClient, id: string, mapping: CustomMappingInput) =>
  c.request(
    'PUT',
    `${V1}/settings/custom-mappings/${encodeURIComponent(id)}`,
    mappingsResponseSchema,
    mapping,
  );

export const deleteCustomMapping = (c: BackendClient, id: string) =>
  c.request('DELETE', `${V1}/settings/custom-mappings/${encodeURIComponent(id)}`, mappingsResponseSchema);

export const saveInboundFilters = (c: BackendClient, filters: InboundFilter[]) =>
  c.request('PUT', `${V1}/settings/inbound-filters`, inboundFiltersResponseSchema, { filters });

/** R-FLT-2: the server stamps the moment it is added ("created after today"). */
export const addRecommendedInboundFilter = (c: BackendClient) =>
  c.request('POST', `${V1}/settings/inbound-filters/recommended`, inboundFiltersResponseSchema);

/** R-FLT-5: a contact or product rule's filters. */
export const saveRecordFilters = (
  c: BackendClient,
  object: 'customer' | 'product',
  filters: RecordFilter[],
) => c.request('PUT', `${V1}/settings/objects/${object}/filters`, objectSettingsSchema, { filters });

export const addRecommendedContactFilter = (c: BackendClient) =>
  c.request('POST', `${V1}/settings/objects/customer/filters/recommended`, objectSettingsSchema);

export const searchQuickBooksCustomers = (c: BackendClient, search: string) =>
  c.request(
    'GET',
    `${V1}/settings/quickbooks-customers?search=${encodeURIComponent(search)}`,
    quickBooksCustomerSearchSchema,
  );

export const getIncomeAccounts = (c: BackendClient) =>
  c.request('GET', `${V1}/settings/income-accounts`, incomeAccountsResponseSchema);

export const setCustomLineItemAccount = (c: BackendClient, accountId: string) =>
  c.request('PUT', `${V1}/settings/custom-line-item-account`, customLineItemAccountResponseSchema, {
    accountId,
  });

export const getTaxCodes = (c: BackendClient) =>
  c.request('GET', `${V1}/settings/tax-codes`, taxCodesResponseSchema);

export const saveTaxMapping = (c: BackendClient, defaultTaxCodeId: string) =>
  c.request('PUT', `${V1}/settings/tax-mapping`, taxMappingResponseSchema, { defaultTaxCodeId });

export const removeTaxMapping = (c: BackendClient) =>
  c.request('DELETE', `${V1}/settings/tax-mapping`, taxMappingResponseSchema);

export const getRecommendations = (c: BackendClient) =>
  c.request('GET', `${V1}/settings/recommendations`, recommendationsSchema);

export const startQuickBooksConnect = (c: BackendClient) =>
  c.request('POST', `${V1}/connections/quickbooks`, connectStartResponseSchema);

export const disconnectQuickBooks = (c: BackendClient) =>
  c.request('DELETE', `${V1}/connections/quickbooks`, disconnectResponseSchema);
