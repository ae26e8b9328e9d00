// Public surface of @ledgersync/quickbooks: the only code that speaks to QuickBooks Online.

export * from './api/batch-operations.ts';
export * from './api/cdc-operations.ts';
export type { EntityBody, VersionRef, WritableEntity } from './api/entity-operations.ts';
export * from './api/qbo-client.ts';
export * from './entities/registry.ts';
export * from './errors/qbo-error.ts';
export * from './http/access-token-source.ts';
export { JsonDecimal } from './http/exact-json.ts';
export * from './http/realm-rate-limiter.ts';
export * from './http/retry-policy.ts';
export * from './query/escape-query-value.ts';
export * from './query/query-builder.ts';
