// Public surface of @ledgersync/hubspot: the only code that speaks to HubSpot.

export * from './create-hubspot-adapter.ts';
export * from './crm/associations.ts';
export * from './crm/batch-objects.ts';
export type { HubSpotObject, Properties } from './crm/hubspot-object.ts';
export * from './crm/object-types.ts';
export * from './crm/search-objects.ts';
export * from './export/historical-invoices-csv.ts';
export * from './http/create-hubspot-client.ts';
export * from './http/hubspot-failure.ts';
export * from './http/rate-limiter.ts';
export * from './http/retry-policy.ts';
export * from './install/app-properties.ts';
export * from './install/app-properties-version.ts';
export * from './install/ensure-app-properties.ts';
export * from './mapping/invoice-custom-properties.ts';
export * from './oauth/install-url.ts';
export * from './oauth/oauth-client.ts';
export * from './oauth/scopes.ts';
export * from './ports/hubspot-side-reader.ts';
export * from './ports/hubspot-side-writer.ts';
export * from './webhooks/parse-webhook-events.ts';
export * from './webhooks/verify-hubspot-signature.ts';
