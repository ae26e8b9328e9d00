import {
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Toggle,
} from '@hubspot/ui-extensions';
import type { DefaultMapping } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { FIELD_FLOW_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';

/** R-MAP-3: the default field mappings, each one switchable unless the sync needs it. */
export function MappedFieldsTable({
  mappings,
  onToggle,
}: {
  mappings: readonly DefaultMapping[];
  onToggle: (key: string, enabled: boolean) => void;
}) {
  return (
    <>
      <Heading>Mapped fields</Heading>
      <Table bordered>
        <TableHead>
          <TableRow>
            <TableHeader>Field</TableHeader>
            <TableHeader>Syncs</TableHeader>
            <TableHeader>Synced</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {mappings.map((m) => (
            <TableRow key={m.key}>
              <TableCell>{m.label}</TableCell>
              <TableCell>{FIELD_FLOW_LABEL[m.flow]}</TableCell>
              <TableCell>
                <Toggle
                  label={`Sync ${m.label}`}
                  name={`field-${m.key}`}
                  labelDisplay="hidden"
                  checked={m.enabled}
                  readOnly={!m.canDisable}
                  onChange={(checked) => onToggle(m.key, checked)}
                />
                {m.canDisable ? null : <Text variant="microcopy">Required</Text>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
