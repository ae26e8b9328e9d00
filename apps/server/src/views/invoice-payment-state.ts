import { canonicalInvoiceSchema, dec, roundToCurrency } from '@ledgersync/sync-engine';
import { z } from 'zod';
import type { InvoicePayment } from '../api-contract/card.ts';

// Only what the card shows is read from the stored merge base (stored JSON is a boundary).
const paymentFieldsSchema = canonicalInvoiceSchema.pick({
  status: true,
  currency: true,
  total: true,
  balance: true,
});
const storedBaseSchema = z.object({ hubspot: z.unknown().nullable(), quickbooks: z.unknown().nullable() });

/**
 * The payment state of a synced invoice (R-OBJ-5), read from the link's merge base: the last state
 * both sides agreed on, so the card never shows a payment the sync has not mirrored yet. The
 * HubSpot side is read first (the card sits on the HubSpot record); the QuickBooks side stands in
 * when HubSpot's is missing. Null when nothing has synced or the stored base is unreadable.
 */
export function invoicePaymentState(mergeBase: unknown): InvoicePayment | null {
  const base = storedBaseSchema.safeParse(mergeBase);
  if (!base.success) return null;
  for (const side of [base.data.hubspot, base.data.quickbooks]) {
    const invoice = paymentFieldsSchema.safeParse(side);
    if (!invoice.success) continue;
    const { status, currency, total, balance } = invoice.data;
    return {
      state: status,
      currency,
      total: roundToCurrency(total, currency),
      amountPaid: roundToCurrency(dec(total).minus(balance), currency),
      balanceDue: roundToCurrency(balance, currency),
    };
  }
  return null;
}
