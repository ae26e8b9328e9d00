import type { Money } from './api/generated/api-contract.ts';
import type { LocaleFormat } from './locale-format.ts';

/**
 * An exact amount in the user's locale, e.g. "$250.00". The decimal string goes to Intl as it is
 * (Intl reads a numeric string exactly), so no float rounding happens on the way.
 */
export function formatMoney(money: Money, format: LocaleFormat): string {
  if (!money.currency) return money.amount;
  try {
    return new Intl.NumberFormat(format.locale, { style: 'currency', currency: money.currency }).format(
      money.amount as Intl.StringNumericLiteral,
    );
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}
