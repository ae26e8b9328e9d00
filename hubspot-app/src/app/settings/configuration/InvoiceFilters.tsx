import { Alert, Button, Flex, Heading, List, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  InboundFilter,
  SettingsResponse,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { saveInboundFilters } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useState } from 'react';
import { describeFilter } from './filter-labels.ts';
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
  const { outboundFilters, inboundFilters, recommendedInboundFilter } = settings.invoice;

  const save = async (filters: InboundFilter[]) => {
    const result = await saveInboundFilters(client, filters);
    if (!result.ok) return setError(describeBackendError(result.error));
    setError(null);
    setAdding(false);
    onSettingsChange((s) => ({
      ...s,
      invoice: { ...s.invoice, inboundFilters: result.data.inboundFilters },
    }));
  };

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
            Every QuickBooks invoice is synced right now. We recommend syncing only invoices created after
            today.
          </Text>
          <Button onClick={() => save([recommendedInboundFilter])}>Add this filter</Button>
        </Alert>
      ) : (
        <List variant="unordered-styled" testId="inbound-filters">
          {inboundFilters.map((f, i) => (
            <Flex key={describeFilter(f)} gap="xs" align="center">
              <Text>{describeFilter(f)}</Text>
              <Button
                variant="transparent"
                size="xs"
                onClick={() => save(inboundFilters.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </Flex>
          ))}
        </List>
      )}
      {adding ? (
        <InboundFilterForm onAdd={(f) => save([...inboundFilters, f])} onCancel={() => setAdding(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          Add a filter
        </Button>
      )}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}
