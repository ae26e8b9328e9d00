import {
  Alert,
  Button,
  ButtonRow,
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Text,
} from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type { Connection } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { disconnectQuickBooks } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useState } from 'react';
import { ConnectButton } from './ConnectButton.tsx';

/** R-CON-2, R-CON-3: which QuickBooks company is connected, or a way to connect one. */
export function ConnectionSection(props: {
  client: BackendClient;
  connection: Connection;
  onChanged: () => void;
}) {
  const { connection } = props;
  return (
    <Flex direction="column" gap="sm">
      <Heading>QuickBooks Online connection</Heading>
      {connection.status === 'needs_reauth' ? (
        <Alert title="Reconnect QuickBooks Online" variant="warning">
          <Text>
            QuickBooks refused LedgerSync’s access. Sync is paused until you reconnect; no change is lost.
          </Text>
          <ConnectButton client={props.client} label="Reconnect" onRefresh={props.onChanged} />
        </Alert>
      ) : null}
      {connection.status === 'connected' || connection.status === 'needs_reauth' ? (
        <ConnectedCompany {...props} />
      ) : (
        <Flex direction="column" gap="xs">
          <Text>Connect the QuickBooks Online company to sync with this HubSpot account.</Text>
          <ConnectButton
            client={props.client}
            label="Connect QuickBooks Online"
            onRefresh={props.onChanged}
          />
        </Flex>
      )}
    </Flex>
  );
}

function ConnectedCompany({ client, connection, onChanged }: Parameters<typeof ConnectionSection>[0]) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disconnect = async () => {
    setBusy(true);
    const result = await disconnectQuickBooks(client);
    setBusy(false);
    if (!result.ok) return setError(describeBackendError(result.error));
    setConfirming(false);
    onChanged();
  };
  return (
    <Flex direction="column" gap="xs">
      <DescriptionList direction="row">
        <DescriptionListItem label="Company">
          <Text>{connection.companyName ?? 'Unknown company'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Country">
          <Text>{connection.country ?? 'Unknown'}</Text>
        </DescriptionListItem>
      </DescriptionList>
      {confirming ? (
        <Alert title="Disconnect QuickBooks Online?" variant="danger" testId="confirm-disconnect">
          <Text>Every sync stops at once. Records already synced stay as they are on both sides.</Text>
          <ButtonRow>
            <Button variant="destructive" disabled={busy} onClick={() => disconnect()}>
              Disconnect
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </ButtonRow>
        </Alert>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Disconnect
        </Button>
      )}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}
