import { Alert, Text } from '@hubspot/ui-extensions';

/** R-ERR-5: HubSpot invoices carry no tax; most companies outside the US need it. */
export function TaxNote({ country }: { country: string | null }) {
  if (country === null || country === 'US') return null;
  return (
    <Alert title="Tax for a company outside the US" variant="warning">
      <Text>
        HubSpot invoices carry no tax, and QuickBooks companies in {country} usually need tax on every
        invoice. Invoices can only go to QuickBooks once a tax mapping gives every line a QuickBooks tax code;
        until then, sync invoices from QuickBooks to HubSpot only.
      </Text>
    </Alert>
  );
}
