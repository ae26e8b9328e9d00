import { Alert, Flex, Heading, List, LoadingSpinner, StatusTag, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { getRecommendations } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';

/** R-CON-6: the QuickBooks settings we recommend, read from the company; R-FAQ-3: the workflow note. */
export function RecommendationsSection({
  client,
  connected,
  notes,
}: {
  client: BackendClient;
  connected: boolean;
  notes: readonly string[];
}) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Recommended QuickBooks settings</Heading>
      {connected ? (
        <RecommendationChecks client={client} />
      ) : (
        <Text>Connect QuickBooks Online to check its settings.</Text>
      )}
      <Alert title="HubSpot workflows that create paid invoices" variant="warning">
        <Text>
          If a workflow creates a paid invoice from each payment, filter out payments whose source is an
          invoice. Otherwise every invoice paid in QuickBooks is created twice.
        </Text>
      </Alert>
      {notes.length > 0 ? (
        <List variant="unordered-styled">
          {notes.map((note) => (
            <Text key={note}>{note}</Text>
          ))}
        </List>
      ) : null}
    </Flex>
  );
}

function RecommendationChecks({ client }: { client: BackendClient }) {
  const { state } = useLoad('recommendations', () => getRecommendations(client));
  if (state.status === 'loading') return <LoadingSpinner label="Checking QuickBooks settings" />;
  if (state.status === 'failed') return <Text>{describeBackendError(state.error)}</Text>;
  return (
    <Flex direction="column" gap="xs">
      {state.data.checks.map((check) => (
        <Flex key={check.id} direction="column" gap="flush">
          <Flex gap="xs" align="center">
            <StatusTag variant={check.ok ? 'success' : 'warning'}>
              {check.ok ? 'As recommended' : 'Differs'}
            </StatusTag>
            <Text>{check.label}</Text>
          </Flex>
          {check.ok || !check.warning ? null : <Text variant="microcopy">{check.warning}</Text>}
        </Flex>
      ))}
    </Flex>
  );
}
