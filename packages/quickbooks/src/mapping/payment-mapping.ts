import type { CanonicalPayment } from '@ledgersync/sync-engine';
import type { QboPayment } from '../entities/payment.ts';
import { moneyIn, out } from './decimals.ts';

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
    method: p.PaymentMethodRef?.name ?? null,
    reference: p.PaymentRefNum ?? null,
    customerId: p.CustomerRef.value,
    appliedTo,
  };
}

/**
 * QBO payment methods are records with ids, and the canonical method is free text, so the
 * method is not written (it stays whatever QBO holds).
 */
export function paymentToQbo(p: Partial<CanonicalPayment>, homeCurrency: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
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
