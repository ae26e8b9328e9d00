// Public surface of @ledgersync/quickbooks: the only code that speaks to QuickBooks Online.

export * from './api/batch-operations.ts';
export * from './api/cdc-operations.ts';
export type { EntityBody, VersionRef, WritableEntity } from './api/entity-operations.ts';
export * from './api/qbo-client.ts';
export * from './entities/registry.ts';
export * from './errors/qbo-error.ts';
export * from './errors/to-sync-error.ts';
export * from './http/access-token-source.ts';
export { JsonDecimal } from './http/exact-json.ts';
export * from './http/realm-rate-limiter.ts';
export * from './http/retry-policy.ts';
export * from './mapping/company-profile.ts';
export * from './mapping/customer-mapping.ts';
export * from './mapping/invoice-from-qbo.ts';
export * from './mapping/invoice-to-qbo.ts';
export * from './mapping/payment-mapping.ts';
export * from './mapping/product-mapping.ts';
export * from './oauth/intuit-endpoints.ts';
export * from './oauth/quickbooks-oauth.ts';
export * from './oauth/token-keeper.ts';
export * from './ports/custom-line-item.ts';
export * from './ports/quickbooks-company-port.ts';
export * from './ports/quickbooks-side-reader.ts';
export * from './ports/quickbooks-side-writer.ts';
export * from './query/escape-query-value.ts';
export * from './query/query-builder.ts';
