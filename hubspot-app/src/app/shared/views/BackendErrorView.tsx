import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import { type BackendError, describeBackendError } from '../api/backend-client.ts';

/** What the user sees when LedgerSync could not answer: what happened and a way to try again. */
export function BackendErrorView({ error, onRetry }: { error: BackendError; onRetry: () => void }) {
  return (
    <ErrorState title="Couldn't load sync details" type="error">
      <Text>{describeBackendError(error)}</Text>
      <Button onClick={() => onRetry()}>Try again</Button>
    </ErrorState>
  );
}
