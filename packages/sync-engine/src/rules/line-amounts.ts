import { Dec, normalizeDecimal, roundToCurrency, sumAmounts } from '../money/money.ts';
import type { CanonicalInvoice, CanonicalInvoiceLine, LineDiscount } from '../records/canonical-invoice.ts';

/** R-OBJ-3: quantity × unit price − line discount, rounded to the invoice currency. */
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

/**
 * QBO has one invoice-level discount at most, so a line discount travels in the line's text
 * (R-OBJ-3, R-FAQ-2). The note has a fixed shape so the QBO adapter can strip it when reading
 * back and the description round-trips without an echo.
 */
export function discountNote(line: CanonicalInvoiceLine, currency: string): string | null {
  if (!line.discount) return null;
  const gross = roundToCurrency(new Dec(line.quantity).times(line.unitPrice), currency);
  const what =
    line.discount.kind === 'percent'
      ? `${normalizeDecimal(line.discount.value)}%`
      : `${roundToCurrency(line.discount.value, currency)} ${currency}`;
  return `[Discount ${what} off ${gross} ${currency}]`;
}

const NOTE_PATTERN = / ?\[Discount (-?[\d.]+)(%| [A-Z]{3}) off -?[\d.]+ [A-Z]{3}\]$/;

/** Renders a description with its discount note, as written into QBO. */
export function describeLineForQuickBooks(line: CanonicalInvoiceLine, currency: string): string | null {
  const note = discountNote(line, currency);
  if (!note) return line.description;
  return line.description ? `${line.description} ${note}` : note;
}

/** Reverses `describeLineForQuickBooks`: the plain description and the discount it states. */
export function parseQuickBooksLineDescription(text: string | null): {
  description: string | null;
  discount: LineDiscount | null;
} {
  if (text === null) return { description: null, discount: null };
  const match = NOTE_PATTERN.exec(text);
  if (!match) return { description: text, discount: null };
  const description = text.slice(0, match.index);
  const value = normalizeDecimal(match[1] ?? '0');
  return {
    description: description === '' ? null : description,
    discount: match[2] === '%' ? { kind: 'percent', value } : { kind: 'amount', value },
  };
}
