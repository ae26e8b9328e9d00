import { StatusTag, Text } from '@hubspot/ui-extensions';
import type { InvoicePayment } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

type PaymentStateName = InvoicePayment['state'];

const LABEL: Readonly<Record<PaymentStateName, string>> = {
  draft: 'Draft',
  open: 'Unpaid',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  voided: 'Voided',
};

const VARIANT = {
  draft: 'default',
  open: 'info',
  partially_paid: 'warning',
  paid: 'success',
  voided: 'default',
} as const satisfies Record<PaymentStateName, string>;

// Amounts stay the exact decimal strings the backend sends (no float rounding on the way).
const amount = (value: string, currency: string) => `${value} ${currency}`;

/** R-OBJ-5: whether the invoice is paid, as last synced, with what was paid and what is due. */
export function PaymentStateTag({ payment }: { payment: InvoicePayment }) {
  return <StatusTag variant={VARIANT[payment.state]}>{LABEL[payment.state]}</StatusTag>;
}

export function PaymentAmounts({ payment }: { payment: InvoicePayment }) {
  if (payment.state === 'voided') return <Text>Nothing due (voided)</Text>;
  return (
    <Text>
      {`${amount(payment.amountPaid, payment.currency)} paid of ${amount(payment.total, payment.currency)}, ${amount(payment.balanceDue, payment.currency)} due`}
    </Text>
  );
}
