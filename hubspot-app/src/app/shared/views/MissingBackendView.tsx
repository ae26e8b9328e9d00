import { ErrorState, Text } from '@hubspot/ui-extensions';
import { BACKEND_URL_VARIABLE } from '../api/use-backend.ts';

/** The project was uploaded without the backend URL variable: a set-up mistake, said plainly. */
export function MissingBackendView() {
  return (
    <ErrorState title="LedgerSync isn't set up" type="support">
      <Text>The app has no backend address. Set {BACKEND_URL_VARIABLE} in the project profile.</Text>
    </ErrorState>
  );
}
