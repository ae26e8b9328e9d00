// Public surface of @ledgersync/hubspot: the only code that speaks to HubSpot.

export { createHubSpotAdapter } from './create-hubspot-adapter.ts';
export { readAssociations } from './crm/associations.ts';
export { batchReadObjects } from './crm/batch-objects.ts';
export type { HubSpotObject } from './crm/hubspot-object.ts';
export { QBO_NUMBER_PROPERTY, SYNC_STATUS_PROPERTY } from './crm/object-types.ts';
export { searchAll } from './crm/search-objects.ts';
export { type HistoricalInvoice, historicalInvoicesCsv } from './export/historical-invoices-csv.ts';
export { createHubSpotClient, type HubSpotClient } from './http/create-hubspot-client.ts';
export { HubSpotCallError } from './http/hubspot-failure.ts';
export {
  type Budget,
  type PortalLimiter,
  type PortalLimiters,
  RateLimiterRegistry,
} from './http/rate-limiter.ts';
export type { RetryPolicy } from './http/retry-policy.ts';
export { APP_PROPERTIES_VERSION } from './install/app-properties-version.ts';
export { ensureAppProperties } from './install/ensure-app-properties.ts';
export { readInvoiceSourceOptions } from './install/read-invoice-source-options.ts';
export type { InvoiceSourceOption } from './mapping/invoice-source.ts';
export { buildInstallUrl } from './oauth/install-url.ts';
export { createOAuthClient, HubSpotOAuthError, type TokenSet } from './oauth/oauth-client.ts';
export { REQUIRED_SCOPE_LIST } from './oauth/scopes.ts';
export { createHubSpotRecordCounter } from './ports/hubspot-record-counter.ts';
export { type ParsedWebhookEvent, parseWebhookEvents } from './webhooks/parse-webhook-events.ts';
export { SIGNATURE_MAX_AGE_MS, verifyHubSpotSignatureV3 } from './webhooks/verify-hubspot-signature.ts';
