// The one list of failure codes (R-VIS-4). Stable strings: they are stored, shown and counted.
export const SYNC_ERROR_CODES = [
  // R-ERR-1 … R-ERR-6, as the article names them
  'invoice_customer_missing',
  'duplicate_display_name',
  'service_date_required',
  'hubspot_native_edited_in_quickbooks',
  'tax_required_non_us',
  'closed_period',
  // R-ERR-7: connection and transient
  'authorization_expired',
  'authorization_revoked',
  'rate_limited',
  'remote_unavailable',
  'company_subscription_inactive',
  // R-OBJ-6 currencies
  'multicurrency_disabled',
  'customer_currency_mismatch',
  'currency_precision_unsupported',
  // mappings and plans (R-MAP-4, R-MAP-5)
  'tier_required',
  'mapping_type_mismatch',
  'custom_line_item_account_missing',
  // other expected failures of a write
  'stale_version',
  'dependency_not_synced',
  'payment_invoice_not_linked',
  'amount_mismatch',
  'referenced_record_inactive',
  'duplicate_document_number',
  'duplicate_item_name',
  'deposited_payment_locked',
  'invalid_field_value',
  'unexpected_remote_error',
] as const;

export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** How the card and the overview group failures (R-VIS-4). */
export const ERROR_CATEGORIES = ['data', 'configuration', 'connection', 'transient'] as const;

export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** An expected failure, carried as a value (never thrown). */
export interface SyncError {
  readonly code: SyncErrorCode;
  /** Specific to this occurrence: names the fields, currencies, ids involved. */
  readonly message: string;
  readonly retryable: boolean;
  readonly details?: Readonly<Record<string, string>>;
}
