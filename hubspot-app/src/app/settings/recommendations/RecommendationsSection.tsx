import { Flex, Heading, LoadingSpinner, StatusTag, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { getRecommendations } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';

/** R-CON-6: the QuickBooks settings we recommend, read from the company. */
export function RecommendationsSection({ client, connected }: { client: BackendClient; connected: boolean }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Recommended QuickBooks settings</Heading>
      {connected ? (
        <RecommendationChecks client={client} />
      ) : (
        <Text>Connect QuickBooks Online to check its settings.</Text>
      )}
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
