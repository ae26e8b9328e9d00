import type { CanonicalPayment } from '@ledgersync/sync-engine';
import type { QboRef } from '../entities/common.ts';
import type { QboPayment } from '../entities/payment.ts';
import { moneyIn, out } from './decimals.ts';
import { paymentKind, QBO_NAME_FOR } from './payment-method-names.ts';

export function paymentFromQbo(p: QboPayment, homeCurrency: string): CanonicalPayment {
  const currency = p.CurrencyRef?.value ?? homeCurrency;
  const appliedTo = p.Line.flatMap((line) =>
    line.LinkedTxn.filter((t) => t.TxnType === 'Invoice').map((t) => ({
      invoiceId: t.TxnId,
      amount: moneyIn(line.Amount, currency),
    })),
  );
  return {
    amount: moneyIn(p.TotalAmt, currency),
    currency,
    date: p.TxnDate ?? '1970-01-01',
    method: paymentKind(p.PaymentMethodRef?.name),
    reference: p.PaymentRefNum ?? null,
    customerId: p.CustomerRef.value,
    appliedTo,
  };
}

/** The QBO method record a canonical method is written as (see payment-method-names.ts). */
export function qboPaymentMethodFor(method: string | null | undefined) {
  const kind = paymentKind(method);
  return kind === null ? null : QBO_NAME_FOR[kind];
}

/**
 * `methods` holds the QBO payment methods found or created for this batch, by lower-cased name.
 * A method cleared on the other side is left as QBO holds it (a sparse update cannot unset a ref).
 */
export function paymentToQbo(
  p: Partial<CanonicalPayment>,
  homeCurrency: string,
  methods: ReadonlyMap<string, QboRef> = new Map(),
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const wanted = qboPaymentMethodFor(p.method);
  const ref = wanted && methods.get(wanted.name.toLowerCase());
  if (ref) body.PaymentMethodRef = ref;
  if (p.customerId !== undefined && p.customerId !== null) body.CustomerRef = { value: p.customerId };
  if (p.amount !== undefined) body.TotalAmt = out(p.amount);
  if (p.date !== undefined) body.TxnDate = p.date;
  if (p.reference !== undefined) body.PaymentRefNum = p.reference ?? '';
  if (p.currency !== undefined && p.currency !== homeCurrency) body.CurrencyRef = { value: p.currency };
  if (p.appliedTo !== undefined) {
    body.Line = p.appliedTo.map((a) => ({
      Amount: out(a.amount),
      LinkedTxn: [{ TxnId: a.invoiceId, TxnType: 'Invoice' }],
    }));
  }
  return body;
}
