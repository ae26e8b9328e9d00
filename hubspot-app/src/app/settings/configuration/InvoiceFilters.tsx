import { Alert, Button, Flex, Heading, List, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  type BackendResult,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  InboundFilter,
  InboundFiltersResponse,
  SettingsResponse,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import {
  addRecommendedInboundFilter,
  saveInboundFilters,
} from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useState } from 'react';
import { FilterList } from './FilterList.tsx';
import { InboundFilterForm } from './InboundFilterForm.tsx';

/** R-FLT-1 (fixed, read-only) and R-FLT-2 (editable, with the "created after today" advice). */
export function InvoiceFilters({
  client,
  settings,
  onSettingsChange,
}: {
  client: BackendClient;
  settings: SettingsResponse;
  onSettingsChange: (change: (s: SettingsResponse) => SettingsResponse) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { outboundFilters, inboundFilters, inboundFilterChecks, recommendedInboundFilter } = settings.invoice;

  const apply = async (call: Promise<BackendResult<InboundFiltersResponse>>) => {
    const result = await call;
    if (!result.ok) return setError(describeBackendError(result.error));
    setError(null);
    setAdding(false);
    onSettingsChange((s) => ({ ...s, invoice: { ...s.invoice, ...result.data } }));
  };
  const save = (filters: InboundFilter[]) => apply(saveInboundFilters(client, filters));

  return (
    <Flex direction="column" gap="xs">
      <Heading>Invoices sent to QuickBooks</Heading>
      <Text variant="microcopy">These filters are always on and can’t be changed:</Text>
      <List variant="unordered-styled" testId="outbound-filters">
        {outboundFilters.map((f) => (
          <Text key={f.id}>{f.label}</Text>
        ))}
      </List>
      <Text variant="microcopy">
        Invoices from other sources, drafts, and invoices from before sync was turned on stay in HubSpot only.
      </Text>

      <Heading>Invoices brought in from QuickBooks</Heading>
      {inboundFilters.length === 0 ? (
        <Alert title="Recommended: only new invoices" variant="tip">
          <Text>
            Every QuickBooks invoice is synced right now. We recommend syncing only invoices created in
            QuickBooks from now on.
          </Text>
          <Text format={{ fontWeight: 'bold' }}>{recommendedInboundFilter.label}</Text>
          <Button onClick={() => apply(addRecommendedInboundFilter(client))}>Add this filter</Button>
        </Alert>
      ) : (
        <FilterList
          testId="inbound-filters"
          checks={inboundFilterChecks}
          onRemove={(i) => save(inboundFilters.filter((_, j) => j !== i))}
        />
      )}
      {adding ? (
        <InboundFilterForm
          client={client}
          onAdd={(f) => save([...inboundFilters, f])}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          Add a filter
        </Button>
      )}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}
