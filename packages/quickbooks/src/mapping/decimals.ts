import { normalizeDecimal, roundToCurrency } from '@ledgersync/sync-engine';
import { JsonDecimal } from '../http/exact-json.ts';

/** A QBO money value as the canonical string of its currency ("20.2" → "20.20"). */
export function moneyIn(value: string | undefined, currency: string, fallback = '0'): string {
  return roundToCurrency(value ?? fallback, currency);
}

/** A quantity or unit price, in plain notation without trailing zeros. */
export function plainIn(value: string | undefined, fallback: string): string {
  return normalizeDecimal(value ?? fallback);
}

/** A canonical decimal string on its way to QBO, sent as an exact JSON number. */
export function out(value: string): JsonDecimal {
  return new JsonDecimal(normalizeDecimal(value));
}
