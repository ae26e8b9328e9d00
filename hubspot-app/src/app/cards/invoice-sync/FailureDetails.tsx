import { Alert, Text } from '@hubspot/ui-extensions';
import type { ErrorExplanation } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

/** R-VIS-4: the error's title, what happened in plain words, and what to do. */
export function FailureDetails({ failure }: { failure: ErrorExplanation }) {
  return (
    <Alert title={failure.title} variant="error">
      <Text>{failure.explanation}</Text>
      {failure.message && failure.message !== failure.explanation ? (
        <Text variant="microcopy">{failure.message}</Text>
      ) : null}
      <Text format={{ fontWeight: 'bold' }}>How to fix it</Text>
      <Text>{failure.fix}</Text>
    </Alert>
  );
}
