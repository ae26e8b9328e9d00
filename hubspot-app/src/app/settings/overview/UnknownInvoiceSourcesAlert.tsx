import { Alert, Text } from '@hubspot/ui-extensions';
import type { OverviewResponse } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

/**
 * R-FLT-1 rests on HubSpot's Invoice source values. An invoice whose source LedgerSync does not know
 * is left out; saying so here, with each source named, makes a wrong reading visible on day one
 * instead of invoices silently missing from QuickBooks.
 */
export function UnknownInvoiceSourcesAlert({
  unknown,
}: {
  unknown: OverviewResponse['unknownInvoiceSources'];
}) {
  if (unknown.count === 0) return null;
  const invoices = unknown.count === 1 ? '1 HubSpot invoice is' : `${unknown.count} HubSpot invoices are`;
  const sources = unknown.sources.map((s) => `${s.detail} (${s.count})`).join(', ');
  return (
    <Alert title="Invoices from other sources are not synced" variant="warning">
      <Text>
        {invoices} not synced because their Invoice source is not HubSpot: {sources}. LedgerSync syncs
        invoices created in HubSpot only. If these were created in HubSpot, contact LedgerSync support: the
        source is new to us.
      </Text>
    </Alert>
  );
}
