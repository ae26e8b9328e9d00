import { Alert, Text } from '@hubspot/ui-extensions';

/** An excluded invoice is not an error: say why it is left out. */
export function ExclusionDetails({ explanation }: { explanation: string }) {
  return (
    <Alert title="Not synced" variant="info">
      <Text>{explanation}</Text>
    </Alert>
  );
}
