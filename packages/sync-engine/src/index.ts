// Public surface of @ledgersync/sync-engine. Pure: no IO, no env, no clock of its own.

export { EXCLUSION_REASONS } from './errors/exclusion-reason.ts';
export { describeSyncError, syncError } from './errors/sync-error-catalogue.ts';
export {
  ERROR_CATEGORIES,
  SYNC_ERROR_CODES,
  type SyncError,
  type SyncErrorCode,
} from './errors/sync-error-code.ts';
export { FIXED_OUTBOUND_INVOICE_FILTERS } from './filters/outbound-invoice-filters.ts';
export { DEFAULT_FIELD_MAPPINGS } from './mapping/default-field-mappings.ts';
export { CUSTOM_MAPPING_TIERS, validateCustomMapping } from './mapping/validate-custom-mapping.ts';
export { directionAllowsWriteTo } from './merge/conflict-policy.ts';
export { dec, normalizeDecimal, roundToCurrency } from './money/money.ts';
export { newLinkId } from './plan/plan-types.ts';
export type { ApiCallObserver, ApiCallOutcome } from './ports/api-call-outcome.ts';
export { type Clock, fixedClock } from './ports/clock.ts';
export { idempotencyKey } from './ports/idempotency-key.ts';
export {
  ACTIVITY_KINDS,
  type ActivityEntry,
  type ActivityKind,
  type ChangeNotice,
  type Link,
  type MergeBase,
  type RecordStatus,
} from './ports/link.ts';
export type { QuickBooksCompanyPort } from './ports/quickbooks-company.ts';
export type {
  ChangedPage,
  InvalidRecord,
  NaturalKey,
  ReadHints,
  ReadResult,
  SideReader,
} from './ports/side-reader.ts';
export type { CustomLineItemPort, SideWriter, WriteCommand, WriteResult } from './ports/side-writer.ts';
export type { CommitBatch, SyncStore } from './ports/sync-store.ts';
export type { Address, CanonicalCustomer } from './records/canonical-customer.ts';
export {
  type CanonicalInvoice,
  type CanonicalInvoiceLine,
  canonicalInvoiceSchema,
  type InvoiceSource,
  type InvoiceStatus,
  type LineDiscount,
} from './records/canonical-invoice.ts';
export type { CanonicalPayment } from './records/canonical-payment.ts';
export type { CanonicalProduct } from './records/canonical-product.ts';
export type { CustomFieldValue } from './records/field-values.ts';
export { recordLabel } from './records/record-label.ts';
export {
  type CanonicalRecords,
  canonicalRecordSchemas,
  type RecordOf,
  type SideRecord,
} from './records/side-record.ts';
export {
  otherSide,
  type Side,
  SYNC_OBJECTS,
  type SyncObject,
  sideSchema,
  syncObjectSchema,
} from './records/sync-object.ts';
export { checkOutboundInvoiceSetup } from './rules/check-outbound-invoice-setup.ts';
export { lineAmount } from './rules/line-amounts.ts';
export { paymentSyncEnabled } from './rules/payment-sync-enabled.ts';
export {
  type DrainOptions,
  type DrainReport,
  drainPortal,
  type RecordRef,
  type RunnerPorts,
  syncRecords,
} from './runner/index.ts';
export type { CompanyProfile } from './settings/company-profile.ts';
export {
  type CustomMapping,
  customMappingSchema,
  filterOperatorSchema,
  inboundFilterSchema,
  type MappableFieldType,
  mappableFieldTypeSchema,
  type PlanTier,
  type PortalSettings,
  planTierSchema,
  portalSettingsSchema,
  type TaxMapping,
  taxMappingSchema,
} from './settings/portal-settings.ts';
