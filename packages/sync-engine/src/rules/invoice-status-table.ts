import type { InvoiceStatus } from '../records/canonical-invoice.ts';

/**
 * How a status reached on one side is mirrored onto the other (R-OBJ-5), by the target's
 * current status (rows) and the source's new status (columns):
 * - `set`: write the status;
 * - `void`: void the target invoice;
 * - `via_payment`: nothing on the invoice; the payment record syncs and the target side derives
 *   paid / partially paid / open from it (a paid invoice has a payment on both sides, R-OBJ-4);
 * - `none`: nothing to do (already there, or not reversible: a voided invoice stays voided,
 *   nothing returns to draft).
 */
export type StatusMirror = 'set' | 'void' | 'via_payment' | 'none';

const row = (
  draft: StatusMirror,
  open: StatusMirror,
  partially_paid: StatusMirror,
  paid: StatusMirror,
  voided: StatusMirror,
) => ({ draft, open, partially_paid, paid, voided });

export const INVOICE_STATUS_MIRROR: Readonly<
  Record<InvoiceStatus, Readonly<Record<InvoiceStatus, StatusMirror>>>
> = {
  //             → draft   open           partially_paid  paid           voided
  draft: row('none', 'set', 'via_payment', 'via_payment', 'void'),
  open: row('none', 'none', 'via_payment', 'via_payment', 'void'),
  partially_paid: row('none', 'via_payment', 'none', 'via_payment', 'void'),
  paid: row('none', 'via_payment', 'via_payment', 'none', 'void'),
  voided: row('none', 'none', 'none', 'none', 'none'),
};

export function mirrorStatus(targetCurrent: InvoiceStatus, sourceNew: InvoiceStatus): StatusMirror {
  return INVOICE_STATUS_MIRROR[targetCurrent][sourceNew];
}
