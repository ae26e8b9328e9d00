import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import { Dec } from '../money/money.ts';
import type { CanonicalInvoice } from '../records/canonical-invoice.ts';

/** QBO Online keeps line amounts, subtotals and totals to two decimals, whatever the currency. */
export const QBO_AMOUNT_DECIMALS = 2;

/**
 * R-OBJ-6: an invoice in a three-decimal currency (KWD, BHD, …) whose amounts use the third decimal
 * cannot be kept exactly by QBO, which would round it; refusing before the write keeps both sides
 * equal instead of a synced invoice that differs by a fraction and is later taken for a QBO edit.
 */
export function checkQuickBooksPrecision(invoice: CanonicalInvoice): SyncError | null {
  const amounts = [
    ...invoice.lines.map((l, i) => ({ what: `line ${i + 1}`, value: l.amount })),
    { what: 'total', value: invoice.total },
  ];
  const inexact = amounts.filter((a) => new Dec(a.value).decimalPlaces() > QBO_AMOUNT_DECIMALS);
  if (inexact.length === 0) return null;
  const list = inexact.map((a) => `${a.what} ${a.value} ${invoice.currency}`).join(', ');
  return syncError(
    'currency_precision_unsupported',
    `QuickBooks keeps amounts to ${QBO_AMOUNT_DECIMALS} decimals; ${list} would be rounded.`,
    { currency: invoice.currency },
  );
}
