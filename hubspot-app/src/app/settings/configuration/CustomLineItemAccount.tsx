import { Flex, Heading, LoadingSpinner, Select, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type { SettingsResponse } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import {
  getIncomeAccounts,
  setCustomLineItemAccount,
} from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { useState } from 'react';

/** R-OBJ-1: lines without a synced product go to the "Custom Line Item" item, on this account. */
export function CustomLineItemAccount({
  client,
  settings,
  onSettingsChange,
}: {
  client: BackendClient;
  settings: SettingsResponse;
  onSettingsChange: (change: (s: SettingsResponse) => SettingsResponse) => void;
}) {
  const { state } = useLoad('income-accounts', () => getIncomeAccounts(client));
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Custom Line Item income account</Heading>
      <Text variant="microcopy">
        Line items with no matching QuickBooks product are added to a “Custom Line Item” product that posts to
        this account.
      </Text>
      {state.status === 'loading' ? <LoadingSpinner label="Loading accounts" /> : null}
      {state.status === 'failed' ? <Text>{describeBackendError(state.error)}</Text> : null}
      {state.status === 'loaded' ? (
        <Select
          label="Income account"
          name="custom-line-item-account"
          value={settings.invoice.customLineItemIncomeAccountId ?? ''}
          error={error !== null}
          validationMessage={error ?? ''}
          options={state.data.accounts.map((a) => ({ label: a.name, value: a.id }))}
          onChange={async (v) => {
            const result = await setCustomLineItemAccount(client, String(v));
            if (!result.ok) return setError(describeBackendError(result.error));
            setError(null);
            const id = result.data.customLineItemIncomeAccountId;
            onSettingsChange((s) => ({ ...s, invoice: { ...s.invoice, customLineItemIncomeAccountId: id } }));
          }}
        />
      ) : null}
    </Flex>
  );
}
