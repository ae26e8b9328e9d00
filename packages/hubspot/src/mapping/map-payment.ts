import type { CanonicalPayment } from '@ledgersync/sync-engine';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { toHubSpotPaymentMethod } from './payment-method.ts';
import { amount, isoDate, text, toHubSpotDate, toHubSpotText } from './property-values.ts';

// Commerce payment properties as HubSpot documents them; the method is `hs_payment_method_type`
// (an enumeration, see payment-method.ts). There is no `hs_payment_method` property: writing it
// failed every payment with PROPERTY_DOESNT_EXIST (seen as invalid_field_value in the sandbox).
export const PAYMENT_PROPERTIES = [
  'hs_initial_amount',
  'hs_currency_code',
  'hs_initiated_date',
  'hs_payment_method_type',
  'hs_reference_number',
  'hs_latest_status',
] as const;

/**
 * A commerce payment. HubSpot records no split across invoices, so with one invoice the whole
 * amount applies to it; with several, the amount is attributed to the first and 0 to the rest.
 */
export function paymentToCanonical(
  payment: HubSpotObject,
  customerId: string | null,
  invoiceIds: readonly string[],
): CanonicalPayment {
  const p = payment.properties;
  const currency = text(p.hs_currency_code) ?? 'USD';
  const total = amount(p.hs_initial_amount, currency);
  return {
    amount: total,
    currency,
    date: isoDate(p.hs_initiated_date) ?? payment.createdAt.slice(0, 10),
    method: text(p.hs_payment_method_type),
    reference: text(p.hs_reference_number),
    customerId,
    appliedTo: invoiceIds.map((invoiceId, i) => ({
      invoiceId,
      amount: i === 0 ? total : amount('0', currency),
    })),
  };
}

export function canonicalToPaymentProperties(c: Partial<CanonicalPayment>): Properties {
  const out: Properties = {};
  if (c.amount !== undefined) out.hs_initial_amount = c.amount;
  if (c.currency !== undefined) out.hs_currency_code = c.currency;
  if (c.date !== undefined) out.hs_initiated_date = toHubSpotDate(c.date);
  if (c.method !== undefined) out.hs_payment_method_type = toHubSpotPaymentMethod(c.method) ?? '';
  if (c.reference !== undefined) out.hs_reference_number = toHubSpotText(c.reference);
  return out;
}
