// HubSpot's `hs_payment_method_type` is an enumeration; writing any other text fails the whole
// payment with INVALID_OPTION. The canonical method is free text, so it is folded onto the
// enumeration here: HubSpot's own values pass as they are, common names from accounting
// systems (QuickBooks "Visa", "Cheque", …) map to their kind, and the rest become "other".

export const HUBSPOT_PAYMENT_METHODS = [
  'card',
  'ach',
  'cash',
  'check',
  'wire_transfer',
  'other',
  'sepa',
  'bacs',
  'pads',
] as const;
export type HubSpotPaymentMethod = (typeof HUBSPOT_PAYMENT_METHODS)[number];

const SYNONYMS: Readonly<Record<string, HubSpotPaymentMethod>> = {
  'credit card': 'card',
  'debit card': 'card',
  visa: 'card',
  mastercard: 'card',
  'master card': 'card',
  'american express': 'card',
  amex: 'card',
  discover: 'card',
  'diners club': 'card',
  cheque: 'check',
  'wire transfer': 'wire_transfer',
  wire: 'wire_transfer',
  'bank transfer': 'wire_transfer',
  'direct debit': 'ach',
  eft: 'ach',
};

/** The enumeration value for a canonical method; null stays null (no method recorded). */
export function toHubSpotPaymentMethod(method: string | null): HubSpotPaymentMethod | null {
  if (method === null) return null;
  const key = method.trim().toLowerCase();
  if (key === '') return null;
  const own = HUBSPOT_PAYMENT_METHODS.find((m) => m === key);
  return own ?? SYNONYMS[key] ?? 'other';
}
