import {
  Button,
  Dropdown,
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  CustomMapping,
  SettingsResponse,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { deleteCustomMapping } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { DIRECTION_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { useState } from 'react';
import { CustomMappingForm } from './CustomMappingForm.tsx';

type Editing = { mode: 'add' } | { mode: 'edit'; mapping: CustomMapping } | null;

/** R-MAP-4, R-FAQ-1: custom mappings on paid tiers, shown locked with the reason on free. */
export function CustomMappingsSection({
  client,
  settings,
  onSettingsChange,
}: {
  client: BackendClient;
  settings: SettingsResponse;
  onSettingsChange: (change: (s: SettingsResponse) => SettingsResponse) => void;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const { customMappings, customMappingsLocked } = settings.invoice;
  const locked = customMappingsLocked.locked;
  const store = (mappings: CustomMapping[]) =>
    onSettingsChange((s) => ({ ...s, invoice: { ...s.invoice, customMappings: mappings } }));
  const remove = async (mapping: CustomMapping) => {
    const result = await deleteCustomMapping(client, mapping.id);
    if (result.ok) store(result.data.customMappings);
    else setError(describeBackendError(result.error));
  };

  return (
    <Flex direction="column" gap="xs">
      <Heading>Custom mappings</Heading>
      <Text variant="microcopy">
        Map any invoice property to a QuickBooks field, such as a purchase order number.
      </Text>
      {customMappings.length > 0 ? (
        <Table bordered>
          <TableHead>
            <TableRow>
              <TableHeader>HubSpot property</TableHeader>
              <TableHeader>QuickBooks field</TableHeader>
              <TableHeader>Direction</TableHeader>
              <TableHeader>Actions</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {customMappings.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{m.hubspot.label}</TableCell>
                <TableCell>
                  {m.quickbooks.custom ? `${m.quickbooks.label} (custom field)` : m.quickbooks.label}
                </TableCell>
                <TableCell>{DIRECTION_LABEL[m.direction]}</TableCell>
                <TableCell>
                  <Dropdown
                    buttonText="Actions"
                    variant="transparent"
                    disabled={locked}
                    testId={`actions-${m.id}`}
                    options={[
                      { label: 'Edit', onClick: () => setEditing({ mode: 'edit', mapping: m }) },
                      { label: 'Delete', onClick: () => void remove(m) },
                    ]}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {locked ? (
        <Flex direction="column" gap="xs">
          <Button disabled testId="add-mapping-locked">
            Add a mapping
          </Button>
          <Text variant="microcopy">
            {customMappingsLocked.reason ?? 'Custom mappings need a paid plan.'}
          </Text>
        </Flex>
      ) : editing === null ? (
        <Button onClick={() => setEditing({ mode: 'add' })}>Add a mapping</Button>
      ) : (
        <CustomMappingForm
          client={client}
          editing={editing.mode === 'edit' ? editing.mapping : null}
          onSaved={(mappings) => {
            store(mappings);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}
