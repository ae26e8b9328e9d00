// Public surface of @ledgersync/sync-engine. Pure: no IO, no env, no clock of its own.

export * from './errors/exclusion-reason.ts';
export * from './errors/sync-error-catalogue.ts';
export * from './errors/sync-error-code.ts';
export * from './money/currency-decimals.ts';
export * from './money/money.ts';
export * from './ports/clock.ts';
export * from './ports/idempotency-key.ts';
export * from './ports/link.ts';
export * from './ports/quickbooks-company.ts';
export * from './ports/side-reader.ts';
export * from './ports/side-writer.ts';
export * from './ports/sync-store.ts';
export * from './records/canonical-customer.ts';
export * from './records/canonical-invoice.ts';
export * from './records/canonical-payment.ts';
export * from './records/canonical-product.ts';
export * from './records/field-values.ts';
export * from './records/side-record.ts';
export * from './records/sync-object.ts';
export * from './settings/company-profile.ts';
export * from './settings/portal-settings.ts';
