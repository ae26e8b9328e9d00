import { Button, Flex, Heading, Tile } from '@hubspot/ui-extensions';
import type { BackendClient, BackendResult } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  ObjectSettings,
  SettingsResponse,
  SyncObject,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import {
  updateDisabledFields,
  updateObjectSettings,
} from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { OBJECT_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { ConflictRule } from './ConflictRule.tsx';
import { CustomLineItemAccount } from './CustomLineItemAccount.tsx';
import { CustomMappingsSection } from './CustomMappingsSection.tsx';
import { FirstSyncSection } from './FirstSyncSection.tsx';
import { InvoiceFilters } from './InvoiceFilters.tsx';
import { InvoiceQuestions } from './InvoiceQuestions.tsx';
import { MappedFieldsTable } from './MappedFieldsTable.tsx';
import { RuleFilters } from './RuleFilters.tsx';
import { TaxMappingSection } from './TaxMappingSection.tsx';

export interface ObjectConfigurationProps {
  client: BackendClient;
  object: SyncObject;
  settings: SettingsResponse;
  onObjectChange: (call: Promise<BackendResult<ObjectSettings>>) => Promise<void>;
  onSettingsChange: (change: (s: SettingsResponse) => SettingsResponse) => void;
  onClose: () => void;
}

/** R-CON-5: the same steps as the first set-up, for one object. */
export function ObjectConfiguration(props: ObjectConfigurationProps) {
  const { client, object, settings, onObjectChange, onSettingsChange } = props;
  const current = settings.objects.find((o) => o.object === object);
  if (!current) return null;
  const disabledFields = current.defaultMappings.filter((m) => !m.enabled).map((m) => m.key);
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Flex justify="between">
          <Heading>{`Configure ${OBJECT_LABEL[object].toLowerCase()}`}</Heading>
          <Button variant="transparent" onClick={() => props.onClose()}>
            Done
          </Button>
        </Flex>
        <ConflictRule
          value={current.conflictResolution}
          onChange={(conflictResolution) =>
            onObjectChange(updateObjectSettings(client, object, { conflictResolution }))
          }
        />
        <MappedFieldsTable
          mappings={current.defaultMappings}
          onToggle={(key, enabled) =>
            onObjectChange(
              updateDisabledFields(
                client,
                object,
                enabled ? disabledFields.filter((k) => k !== key) : [...disabledFields, key],
              ),
            )
          }
        />
        {current.object === 'customer' || current.object === 'product' ? (
          <>
            <RuleFilters
              client={client}
              settings={{ ...current, object: current.object }}
              onObjectChange={onObjectChange}
            />
            {/* Turning the rule on starts its first sync on the server: a fresh section reads it. */}
            <FirstSyncSection
              key={String(current.enabled)}
              client={client}
              object={current.object}
              enabled={current.enabled}
              direction={current.direction}
            />
          </>
        ) : null}
        {object === 'invoice' ? (
          <>
            <CustomMappingsSection client={client} settings={settings} onSettingsChange={onSettingsChange} />
            <InvoiceFilters client={client} settings={settings} onSettingsChange={onSettingsChange} />
            <CustomLineItemAccount client={client} settings={settings} onSettingsChange={onSettingsChange} />
            <TaxMappingSection client={client} settings={settings} onSettingsChange={onSettingsChange} />
            <InvoiceQuestions />
          </>
        ) : null}
      </Flex>
    </Tile>
  );
}
