import { Alert, Button, Flex, List, Text } from '@hubspot/ui-extensions';
import type { FilterCheck } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

/** Saved filters in words; one the sync cannot apply shows as broken, with why and the fix. */
export function FilterList(props: {
  testId: string;
  checks: FilterCheck[];
  onRemove: (index: number) => void;
}) {
  return (
    <List variant="unordered-styled" testId={props.testId}>
      {props.checks.map((c) =>
        c.problem ? (
          <Alert key={`broken-${c.index}`} title="This filter is broken" variant="danger">
            <Text>{c.problem.message}</Text>
            <Text variant="microcopy">{c.fix}</Text>
            <Button variant="secondary" size="xs" onClick={() => props.onRemove(c.index)}>
              Remove
            </Button>
          </Alert>
        ) : (
          <Flex key={`${c.index}-${c.description}`} gap="xs" align="center">
            <Text>{c.description}</Text>
            <Button variant="transparent" size="xs" onClick={() => props.onRemove(c.index)}>
              Remove
            </Button>
          </Flex>
        ),
      )}
    </List>
  );
}
