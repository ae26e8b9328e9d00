import { Dec, roundToCurrency, sumAmounts } from '../money/money.ts';
import type { CanonicalInvoice, CanonicalInvoiceLine, LineDiscount } from '../records/canonical-invoice.ts';

/** R-OBJ-3, R-FAQ-2: quantity × unit price − line discount, rounded to the invoice currency. */
export function lineAmount(
  line: Pick<CanonicalInvoiceLine, 'quantity' | 'unitPrice' | 'discount'>,
  currency: string,
): string {
  const gross = new Dec(line.quantity).times(line.unitPrice);
  return roundToCurrency(gross.minus(discountValue(gross, line.discount)), currency);
}

function discountValue(gross: InstanceType<typeof Dec>, discount: LineDiscount | null) {
  if (!discount) return new Dec(0);
  return discount.kind === 'amount' ? new Dec(discount.value) : gross.times(discount.value).dividedBy(100);
}

/** Sum of the (already rounded) line amounts: equal to the cent on both sides by construction. */
export function invoiceTotal(
  lines: readonly Pick<CanonicalInvoiceLine, 'amount'>[],
  currency: string,
): string {
  return sumAmounts(
    lines.map((l) => l.amount),
    currency,
  );
}

export type AmountCheck = { ok: true } | { ok: false; message: string };

/** Verifies every line amount and the total agree to the minor unit. */
export function checkInvoiceAmounts(invoice: CanonicalInvoice): AmountCheck {
  for (const [i, line] of invoice.lines.entries()) {
    const expected = lineAmount(line, invoice.currency);
    if (!new Dec(expected).equals(line.amount)) {
      return {
        ok: false,
        message: `Line ${i + 1}: amount ${line.amount} ${invoice.currency} should be ${expected} (quantity × unit price − discount).`,
      };
    }
  }
  const total = invoiceTotal(invoice.lines, invoice.currency);
  if (!new Dec(total).equals(invoice.total)) {
    return { ok: false, message: `Invoice total ${invoice.total} ${invoice.currency} should be ${total}.` };
  }
  return { ok: true };
}
