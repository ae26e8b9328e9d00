import Decimal from 'decimal.js';
import { currencyDecimals } from './currency-decimals.ts';

// Amounts travel as decimal strings, not Decimal objects: records are stored as JSON merge bases
// and compared field by field, and a string round-trips through JSON and `===` exactly.
// All arithmetic goes through this Decimal clone: 40 significant digits, half-up like QBO.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** A decimal written in plain notation: optional minus, digits, optional fraction. */
export type DecimalString = string;
export const DECIMAL_STRING_PATTERN = /^-?\d+(\.\d+)?$/;

export interface Money {
  readonly amount: DecimalString;
  readonly currency: string;
}

export function dec(value: DecimalString | number | Decimal): Decimal {
  return new Dec(value);
}

/** Rounds to the currency's minor units and writes exactly that many decimals ("12.50", "1200", "1.005"). */
export function roundToCurrency(value: DecimalString | Decimal, currency: string): DecimalString {
  const places = currencyDecimals(currency);
  return new Dec(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** Normalises a decimal string so equal values compare equal as strings ("1.50" → "1.5", "-0" → "0"). */
export function normalizeDecimal(value: DecimalString | Decimal): DecimalString {
  const d = new Dec(value);
  return d.isZero() ? '0' : d.toFixed();
}

export function money(amount: DecimalString | Decimal, currency: string): Money {
  return { amount: roundToCurrency(amount, currency), currency };
}

export function sumAmounts(values: readonly DecimalString[], currency: string): DecimalString {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return roundToCurrency(total, currency);
}

/** True when the value has no more decimals than the currency allows (it is a whole number of minor units). */
export function isExactInCurrency(value: DecimalString, currency: string): boolean {
  return new Dec(value).decimalPlaces() <= currencyDecimals(currency);
}
