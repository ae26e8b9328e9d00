import { Button, ButtonRow, LoadingButton, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { startQuickBooksConnect } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useState } from 'react';

/**
 * Intuit's sign-in cannot run inside HubSpot, so connecting takes two clicks: one asks the
 * backend for a signed authorization link, the next opens it in a new tab; coming back, the
 * admin reloads the connection.
 */
export function ConnectButton({
  client,
  label,
  onRefresh,
}: {
  client: BackendClient;
  label: string;
  onRefresh: () => void;
}) {
  const [state, setState] = useState<{ url: string } | { error: string } | 'idle' | 'busy'>('idle');
  if (typeof state === 'object' && 'url' in state) {
    return (
      <ButtonRow>
        <Button variant="primary" href={{ url: state.url, external: true }}>
          Continue to QuickBooks sign-in
        </Button>
        <Button variant="secondary" onClick={() => onRefresh()}>
          I’ve signed in
        </Button>
      </ButtonRow>
    );
  }
  return (
    <>
      <LoadingButton
        variant="primary"
        loading={state === 'busy'}
        onClick={async () => {
          setState('busy');
          const result = await startQuickBooksConnect(client);
          setState(
            result.ok ? { url: result.data.authorizeUrl } : { error: describeBackendError(result.error) },
          );
        }}
      >
        {label}
      </LoadingButton>
      {typeof state === 'object' && 'error' in state ? <Text variant="microcopy">{state.error}</Text> : null}
    </>
  );
}
