// Every QBO failure becomes one QboError with a stable code. Messages come from QBO's Fault or
// from us; they never contain tokens, request bodies or headers.

export const QBO_ERROR_CODES = [
  'DuplicateName',
  'StaleObject',
  'ObjectNotFound',
  'BooksClosed',
  'BusinessValidation',
  'DuplicateDocNumber',
  'AmountCalculation',
  'InvalidReference',
  'DepositedTransaction',
  'SubscriptionInactive',
  'DuplicateRequestId',
  'BatchTooLarge',
  'QueryError',
  'Validation',
  'Throttled',
  'Unauthorized',
  'Forbidden',
  /** The refresh token was refused (invalid_grant): the company must be reconnected. */
  'AuthorizationRevoked',
  'ServerError',
  'Network',
  'Unknown',
] as const;
export type QboErrorCode = (typeof QBO_ERROR_CODES)[number];

export interface QboFaultItem {
  readonly code: string;
  readonly message: string;
  readonly detail: string;
  readonly element: string | null;
}

export class QboError extends Error {
  override readonly name = 'QboError';
  constructor(
    readonly code: QboErrorCode,
    message: string,
    readonly status: number | null,
    /** QBO's numeric error code as a string ("6240"), when QBO sent one. */
    readonly qboCode: string | null,
    readonly faults: readonly QboFaultItem[] = [],
    readonly intuitTid: string | null = null,
  ) {
    super(message);
  }

  /** Worth repeating the same request later without changing anything. */
  get transient(): boolean {
    return this.code === 'Throttled' || this.code === 'ServerError' || this.code === 'Network';
  }
}

export function isQboError(value: unknown, code?: QboErrorCode): value is QboError {
  return value instanceof QboError && (code === undefined || value.code === code);
}
