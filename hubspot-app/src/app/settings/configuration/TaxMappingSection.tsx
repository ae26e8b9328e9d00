import { Button, Flex, Heading, LoadingSpinner, Select, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  SettingsResponse,
  TaxMapping,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import {
  getTaxCodes,
  removeTaxMapping,
  saveTaxMapping,
} from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { useState } from 'react';
import { TaxNote } from './TaxNote.tsx';

interface TaxMappingProps {
  client: BackendClient;
  settings: SettingsResponse;
  onSettingsChange: (change: (s: SettingsResponse) => SettingsResponse) => void;
}

/** R-ERR-5: only companies outside the US need a tax code on every line sent to QuickBooks. */
export function TaxMappingSection(props: TaxMappingProps) {
  const country = props.settings.connection.country;
  if (country === null || country === 'US') return null;
  return <TaxMappingEditor {...props} country={country} />;
}

function TaxMappingEditor({
  client,
  settings,
  onSettingsChange,
  country,
}: TaxMappingProps & { country: string }) {
  const { state } = useLoad('tax-codes', () => getTaxCodes(client));
  const [error, setError] = useState<string | null>(null);
  const mapping = settings.invoice.taxMapping;
  const applied = (taxMapping: TaxMapping | null) => {
    setError(null);
    onSettingsChange((s) => ({ ...s, invoice: { ...s.invoice, taxMapping } }));
  };
  return (
    <Flex direction="column" gap="xs">
      <Heading>Tax mapping</Heading>
      <Text variant="microcopy">
        Every line of an invoice sent to QuickBooks gets this tax code, since HubSpot invoices carry no tax.
      </Text>
      {mapping === null ? <TaxNote country={country} /> : null}
      {state.status === 'loading' ? <LoadingSpinner label="Loading tax codes" /> : null}
      {state.status === 'failed' ? <Text>{describeBackendError(state.error)}</Text> : null}
      {state.status === 'loaded' ? (
        <Select
          label="Default tax code"
          name="tax-mapping-default"
          placeholder="Choose a tax code"
          value={mapping?.defaultTaxCodeId ?? ''}
          error={error !== null}
          validationMessage={error ?? ''}
          options={state.data.taxCodes.map((c) => ({
            label: c.description ? `${c.name} (${c.description})` : c.name,
            value: c.id,
          }))}
          onChange={async (v) => {
            const result = await saveTaxMapping(client, String(v));
            if (!result.ok) return setError(describeBackendError(result.error));
            applied(result.data.taxMapping);
          }}
        />
      ) : null}
      {mapping !== null ? (
        <Flex>
          <Button
            variant="secondary"
            size="sm"
            onClick={async () => {
              const result = await removeTaxMapping(client);
              if (!result.ok) return setError(describeBackendError(result.error));
              applied(null);
            }}
          >
            Remove tax mapping
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
