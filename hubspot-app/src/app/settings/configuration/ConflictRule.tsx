import { Flex, Heading, RadioButton, Text } from '@hubspot/ui-extensions';
import type { ConflictResolution } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

/** R-MAP-2: which side wins when both changed a field, or when a first match differs. */
export function ConflictRule({
  value,
  onChange,
}: {
  value: ConflictResolution;
  onChange: (v: ConflictResolution) => void;
}) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>When both sides changed</Heading>
      <Text variant="microcopy">
        Decides a field changed in both apps since the last sync, and the first match of two records.
      </Text>
      <RadioButton
        name="conflict"
        value="hubspot"
        checked={value === 'hubspot'}
        onChange={() => onChange('hubspot')}
      >
        Use HubSpot data
      </RadioButton>
      <RadioButton
        name="conflict"
        value="quickbooks"
        checked={value === 'quickbooks'}
        onChange={() => onChange('quickbooks')}
      >
        Use QuickBooks Online data
      </RadioButton>
    </Flex>
  );
}
