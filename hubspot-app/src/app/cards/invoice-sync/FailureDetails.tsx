import { Alert, Flex, Text } from '@hubspot/ui-extensions';
import type { ErrorExplanation } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { ErrorCategoryTag } from '@ledgersync/hubspot-ui-shared/views/ErrorCategoryTag.tsx';

/** R-VIS-4: the error's title and category, what happened in plain words, and what to do. */
export function FailureDetails({ failure }: { failure: ErrorExplanation }) {
  return (
    <Alert title={failure.title} variant="error">
      <Flex gap="xs" align="center">
        <ErrorCategoryTag category={failure.category} />
        <Text>{failure.explanation}</Text>
      </Flex>
      {failure.message && failure.message !== failure.explanation ? (
        <Text variant="microcopy">{failure.message}</Text>
      ) : null}
      <Text format={{ fontWeight: 'bold' }}>How to fix it</Text>
      <Text>{failure.fix}</Text>
    </Alert>
  );
}
