// ISO 4217 minor units. Almost every currency QBO supports uses 2 decimals, so only the
// exceptions are listed; a table of exceptions keeps the common case from drifting.
const ZERO_DECIMALS = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export type CurrencyDecimals = 0 | 2 | 3;

export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;

/** Number of minor-unit digits for an ISO 4217 code (0, 2 or 3). Throws on a malformed code: a bug. */
export function currencyDecimals(currency: string): CurrencyDecimals {
  if (!CURRENCY_CODE_PATTERN.test(currency)) {
    throw new Error(`Not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  }
  if (ZERO_DECIMALS.has(currency)) return 0;
  if (THREE_DECIMALS.has(currency)) return 3;
  return 2;
}
