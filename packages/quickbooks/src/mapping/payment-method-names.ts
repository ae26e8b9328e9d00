// The canonical payment method is free text; both adapters fold it onto one small vocabulary
// (HubSpot's hs_payment_method_type values: card, ach, cash, check, wire_transfer, sepa, bacs,
// pads, other) so that QBO's "Visa" and HubSpot's "card" are the same value and never
// ping-pong. QBO keeps methods as named records; these are the names LedgerSync finds or
// creates for each kind (the first four exist in every new QBO company or are created once).

export type PaymentKind =
  | 'card'
  | 'ach'
  | 'cash'
  | 'check'
  | 'wire_transfer'
  | 'sepa'
  | 'bacs'
  | 'pads'
  | 'other';

export const QBO_NAME_FOR: Readonly<
  Record<PaymentKind, { name: string; type: 'CREDIT_CARD' | 'NON_CREDIT_CARD' }>
> = {
  card: { name: 'Credit Card', type: 'CREDIT_CARD' },
  cash: { name: 'Cash', type: 'NON_CREDIT_CARD' },
  check: { name: 'Check', type: 'NON_CREDIT_CARD' },
  ach: { name: 'ACH', type: 'NON_CREDIT_CARD' },
  wire_transfer: { name: 'Wire transfer', type: 'NON_CREDIT_CARD' },
  sepa: { name: 'SEPA', type: 'NON_CREDIT_CARD' },
  bacs: { name: 'BACS', type: 'NON_CREDIT_CARD' },
  pads: { name: 'PADS', type: 'NON_CREDIT_CARD' },
  other: { name: 'Other', type: 'NON_CREDIT_CARD' },
};

const KIND_OF_NAME: Readonly<Record<string, PaymentKind>> = {
  'credit card': 'card',
  'debit card': 'card',
  card: 'card',
  visa: 'card',
  mastercard: 'card',
  'master card': 'card',
  discover: 'card',
  'american express': 'card',
  amex: 'card',
  'diners club': 'card',
  cash: 'cash',
  check: 'check',
  cheque: 'check',
  ach: 'ach',
  eft: 'ach',
  'direct debit': 'ach',
  wire_transfer: 'wire_transfer',
  'wire transfer': 'wire_transfer',
  wire: 'wire_transfer',
  'bank transfer': 'wire_transfer',
  sepa: 'sepa',
  bacs: 'bacs',
  pads: 'pads',
  other: 'other',
};

/** The kind of a method name from either side; a QBO credit-card method is a card whatever its name. */
export function paymentKind(name: string | null | undefined, qboType?: string): PaymentKind | null {
  if (name === null || name === undefined || name.trim() === '') return null;
  if (qboType === 'CREDIT_CARD') return 'card';
  return KIND_OF_NAME[name.trim().toLowerCase()] ?? 'other';
}
