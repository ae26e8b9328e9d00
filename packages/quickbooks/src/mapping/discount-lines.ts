import {
  type CanonicalInvoiceLine,
  dec,
  type LineDiscount,
  lineAmount,
  normalizeDecimal,
  roundToCurrency,
} from '@ledgersync/sync-engine';

/**
 * R-OBJ-3, R-FAQ-2: how a line discount lives in QBO. QBO's own discount line
 * (DiscountLineDetail) discounts the whole invoice's subtotal, so a HubSpot line discount becomes
 * a second sales line on the same item right below its line: the line keeps its quantity and unit
 * price (QBO checks Amount = Qty × UnitPrice), and the discount line carries the negative
 * difference as an amount only (QBO keeps such a line without Qty or UnitPrice), on the same tax
 * code, so the two add up to HubSpot's line amount to the cent and tax is reckoned on the net.
 * Its text says what the discount is ("Discount 10%", "Discount 2.50") and is how the read folds
 * it back into its line.
 */

const DISCOUNT_TEXT = /^Discount (\d+(?:\.\d+)?)(%?)$/;

export function discountText(discount: LineDiscount): string {
  const value = normalizeDecimal(discount.value);
  return discount.kind === 'percent' ? `Discount ${value}%` : `Discount ${value}`;
}

/** The line's gross amount (before its discount) and the discount line's (negative) amount. */
export function splitDiscountedAmount(
  line: Pick<CanonicalInvoiceLine, 'quantity' | 'unitPrice' | 'amount'>,
  currency: string,
): { gross: string; discount: string } {
  const gross = roundToCurrency(dec(line.quantity).times(line.unitPrice), currency);
  return { gross, discount: roundToCurrency(dec(line.amount).minus(gross), currency) };
}

/** What a sales line read from QBO says about itself, enough to tell a discount line. */
export interface ReadSalesLine {
  readonly itemId: string | null;
  readonly description: string | null;
  /** True when QBO holds neither Qty nor UnitPrice for the line (an amount-only line). */
  readonly amountOnly: boolean;
  readonly amount: string;
}

/**
 * The discount `next` gives `line`, or null when `next` is not its discount line: the same item,
 * amount only, not positive, and described as a discount. A percentage that no longer gives the
 * amount (a bookkeeper changed it) reads as the amount actually taken off, so the change shows.
 */
export function discountOf(
  line: Pick<CanonicalInvoiceLine, 'productId' | 'quantity' | 'unitPrice' | 'amount'>,
  next: ReadSalesLine,
  currency: string,
): LineDiscount | null {
  if (next.itemId !== line.productId || !next.amountOnly || dec(next.amount).greaterThan(0)) return null;
  const said = DISCOUNT_TEXT.exec(next.description ?? '');
  if (!said) return null;
  const value = said[1] as string;
  const stated: LineDiscount = said[2] === '%' ? { kind: 'percent', value } : { kind: 'amount', value };
  const net = roundToCurrency(dec(line.amount).plus(next.amount), currency);
  if (dec(lineAmount({ ...line, discount: stated }, currency)).equals(net)) return stated;
  return { kind: 'amount', value: normalizeDecimal(dec(next.amount).negated()) };
}
