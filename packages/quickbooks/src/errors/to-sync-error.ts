import { type SyncError, type SyncErrorCode, syncError } from '@ledgersync/sync-engine';
import type { QboError, QboErrorCode } from './qbo-error.ts';

const BY_CODE: Readonly<Record<QboErrorCode, SyncErrorCode>> = {
  DuplicateName: 'duplicate_display_name',
  StaleObject: 'stale_version',
  ObjectNotFound: 'referenced_record_inactive',
  BooksClosed: 'closed_period',
  BusinessValidation: 'invalid_field_value',
  DuplicateDocNumber: 'duplicate_document_number',
  AmountCalculation: 'amount_mismatch',
  InvalidReference: 'referenced_record_inactive',
  DepositedTransaction: 'deposited_payment_locked',
  SubscriptionInactive: 'company_subscription_inactive',
  DuplicateRequestId: 'unexpected_remote_error',
  BatchTooLarge: 'unexpected_remote_error',
  QueryError: 'unexpected_remote_error',
  Validation: 'invalid_field_value',
  Throttled: 'rate_limited',
  Unauthorized: 'authorization_expired',
  Forbidden: 'authorization_revoked',
  AuthorizationRevoked: 'authorization_revoked',
  ServerError: 'remote_unavailable',
  Network: 'remote_unavailable',
  Unknown: 'unexpected_remote_error',
};

/** The engine's view of a QBO failure: its catalogue code, QBO's own words, and QBO's code. */
export function toSyncError(error: QboError): SyncError {
  let code = BY_CODE[error.code];
  // R-ERR-3: revenue recognition surfaces as a business validation error about the service date.
  if (error.code === 'BusinessValidation' && /service date/i.test(error.message))
    code = 'service_date_required';
  const details: Record<string, string> = { qboError: error.code };
  if (error.qboCode) details.qboCode = error.qboCode;
  const element = error.faults[0]?.element;
  if (element) details.element = element;
  return syncError(code, error.message, details);
}
