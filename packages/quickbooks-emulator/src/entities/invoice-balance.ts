import type { Json } from '../core/json.ts';
import { isObject, refValue } from '../core/json.ts';
import { Decimal, dec, money } from '../core/money.ts';
import { type OpContext, record, touch } from './context.ts';

export interface Applied {
  total: Decimal;
  paymentIds: string[];
}

/** Sums what payments apply to an invoice, optionally leaving one payment out. */
export function appliedTo(ctx: OpContext, invoiceId: string, excludePaymentId?: string): Applied {
  let total = new Decimal(0);
  const paymentIds: string[] = [];
  for (const rec of ctx.realm.list('Payment')) {
    if (rec.data.Id === excludePaymentId) continue;
    let links = false;
    for (const line of Array.isArray(rec.data.Line) ? rec.data.Line : []) {
      if (!isObject(line) || !Array.isArray(line.LinkedTxn)) continue;
      for (const t of line.LinkedTxn) {
        if (isObject(t) && t.TxnType === 'Invoice' && String(t.TxnId) === invoiceId) {
          total = total.plus(dec(line.Amount));
          links = true;
        }
      }
    }
    if (links) paymentIds.push(String(rec.data.Id));
  }
  return { total, paymentIds };
}

export function invoiceLinks(data: Json, paymentIds: string[]): Json[] {
  const other = (Array.isArray(data.LinkedTxn) ? data.LinkedTxn : []).filter(
    (t): t is Json => isObject(t) && t.TxnType !== 'Payment',
  );
  return [...other, ...paymentIds.map((id) => ({ TxnId: id, TxnType: 'Payment' }))];
}

/** After a payment changes, QBO updates each invoice it touches: Balance, LinkedTxn, SyncToken. */
export function refreshInvoice(ctx: OpContext, invoiceId: string): void {
  const rec = ctx.realm.table('Invoice').get(invoiceId);
  if (!rec) return;
  const applied = appliedTo(ctx, invoiceId);
  const balance = rec.voided ? 0 : money(dec(rec.data.TotalAmt).minus(applied.total));
  const links = invoiceLinks(rec.data, applied.paymentIds);
  if (balance === rec.data.Balance && JSON.stringify(links) === JSON.stringify(rec.data.LinkedTxn)) return;
  rec.data.Balance = balance;
  // Multicurrency invoices carry their balance in the home currency too.
  if (rec.data.ExchangeRate !== undefined)
    rec.data.HomeBalance = money(dec(balance).times(dec(rec.data.ExchangeRate)));
  rec.data.LinkedTxn = links;
  touch(ctx, rec.data);
  record(ctx, 'Invoice', invoiceId, 'Update');
}

export function linkedInvoiceIds(payment: Json | undefined): string[] {
  const ids: string[] = [];
  for (const line of Array.isArray(payment?.Line) ? payment.Line : []) {
    if (!isObject(line) || !Array.isArray(line.LinkedTxn)) continue;
    for (const t of line.LinkedTxn) if (isObject(t) && t.TxnType === 'Invoice') ids.push(String(t.TxnId));
  }
  return ids;
}

export function customerOf(data: Json): string | undefined {
  return refValue(data.CustomerRef);
}
