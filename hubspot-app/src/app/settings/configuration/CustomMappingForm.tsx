import { Button, ButtonRow, Flex, LoadingSpinner, Select, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import {
  type CustomMapping,
  type MappableFieldType,
  mappableFieldTypeSchema,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import {
  addCustomMapping,
  type CustomMappingInput,
  editCustomMapping,
  getFieldCatalogue,
} from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { DIRECTION_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { useState } from 'react';
import { typeMismatch } from './field-kinds.ts';

type MappingDirection = CustomMapping['direction'];
const DIRECTIONS: MappingDirection[] = ['two_way', 'hubspot_to_quickbooks', 'quickbooks_to_hubspot'];
const asFieldType = (t: string): MappableFieldType => mappableFieldTypeSchema.catch('string').parse(t);

/** "Add a mapping" and Edit: a field picker for each side; type errors shown inline. */
export function CustomMappingForm(props: {
  client: BackendClient;
  editing: CustomMapping | null;
  onSaved: (mappings: CustomMapping[]) => void;
  onCancel: () => void;
}) {
  const { client, editing } = props;
  const { state } = useLoad('field-catalogue', () => getFieldCatalogue(client));
  const [hubspotName, setHubspotName] = useState(editing?.hubspot.property ?? '');
  const [quickbooksField, setQuickbooksField] = useState(editing?.quickbooks.field ?? '');
  const [direction, setDirection] = useState<MappingDirection>(editing?.direction ?? 'two_way');
  const [serverError, setServerError] = useState<string | null>(null);

  if (state.status === 'loading') return <LoadingSpinner label="Loading fields" />;
  if (state.status === 'failed') return <Text>{describeBackendError(state.error)}</Text>;
  const hs = state.data.hubspot.find((f) => f.name === hubspotName);
  const qb = state.data.quickbooks.find((f) => f.field === quickbooksField);
  const mismatch = hs && qb ? typeMismatch(hs, qb) : null;

  const save = async () => {
    if (!hs || !qb || mismatch) return;
    const input: CustomMappingInput = {
      hubspot: { property: hs.name, label: hs.label, type: asFieldType(hs.type) },
      quickbooks: { field: qb.field, label: qb.label, type: asFieldType(qb.type), custom: qb.custom },
      direction,
      enabled: editing?.enabled ?? true,
    };
    const result = editing
      ? await editCustomMapping(client, editing.id, input)
      : await addCustomMapping(client, input);
    if (result.ok) props.onSaved(result.data.customMappings);
    else setServerError(describeBackendError(result.error));
  };

  const error = mismatch ?? serverError;
  return (
    <Flex direction="column" gap="xs">
      <Select
        label="HubSpot property"
        name="mapping-hubspot"
        value={hubspotName}
        options={state.data.hubspot
          // A read-only HubSpot property can only be a source: never written by QuickBooks data.
          .filter((f) => !f.readOnly || direction === 'hubspot_to_quickbooks')
          .map((f) => ({ label: `${f.label} (${f.type})`, value: f.name }))}
        onChange={(v) => {
          setHubspotName(String(v));
          setServerError(null);
        }}
      />
      <Select
        label="QuickBooks field"
        name="mapping-quickbooks"
        value={quickbooksField}
        error={error !== null}
        validationMessage={error ?? ''}
        options={state.data.quickbooks.map((f) => ({
          label: `${f.label}${f.custom ? ', custom field' : ''} (${f.type})`,
          value: f.field,
        }))}
        onChange={(v) => {
          setQuickbooksField(String(v));
          setServerError(null);
        }}
      />
      <Select
        label="Direction"
        name="mapping-direction"
        value={direction}
        options={DIRECTIONS.map((d) => ({ label: DIRECTION_LABEL[d], value: d }))}
        onChange={(v) => setDirection(v as MappingDirection)}
      />
      <ButtonRow>
        <Button variant="primary" disabled={!hs || !qb || mismatch !== null} onClick={() => save()}>
          {editing ? 'Save mapping' : 'Add mapping'}
        </Button>
        <Button variant="secondary" onClick={() => props.onCancel()}>
          Cancel
        </Button>
      </ButtonRow>
    </Flex>
  );
}
