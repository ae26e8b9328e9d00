import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import { Dec, isExactInCurrency } from '../money/money.ts';
import type { CanonicalPayment } from '../records/canonical-payment.ts';

/**
 * A payment is written only when its amounts are whole minor units of its currency (R-OBJ-6) and
 * it applies no more than it pays (R-OBJ-4: each side would refuse, or worse, overpay an invoice).
 */
export function checkPayment(p: CanonicalPayment): SyncError | null {
  const amounts = [p.amount, ...p.appliedTo.map((a) => a.amount)];
  const inexact = amounts.find((a) => !isExactInCurrency(a, p.currency));
  if (inexact !== undefined) {
    return syncError('amount_mismatch', `The amount ${inexact} has more decimals than ${p.currency} allows.`);
  }
  const applied = p.appliedTo.reduce((sum, a) => sum.plus(a.amount), new Dec(0));
  if (applied.greaterThan(p.amount)) {
    return syncError(
      'amount_mismatch',
      `The payment applies ${applied.toFixed()} ${p.currency} to invoices but is only ${p.amount} ${p.currency}.`,
    );
  }
  return null;
}
