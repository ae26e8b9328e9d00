import { Alert, Divider, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  type BackendResult,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  ObjectSettings,
  SettingsResponse,
  SyncObject,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { getSettings, updateObjectSettings } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useBackend } from '@ledgersync/hubspot-ui-shared/api/use-backend.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { BackendErrorView } from '@ledgersync/hubspot-ui-shared/views/BackendErrorView.tsx';
import { MissingBackendView } from '@ledgersync/hubspot-ui-shared/views/MissingBackendView.tsx';
import { ReinstallNotice } from '@ledgersync/hubspot-ui-shared/views/ReinstallNotice.tsx';
import { useState } from 'react';
import { BackfillSection } from './backfill/BackfillSection.tsx';
import { ObjectConfiguration } from './configuration/ObjectConfiguration.tsx';
import { ConnectionSection } from './connection/ConnectionSection.tsx';
import { SyncOverviewSection } from './overview/SyncOverviewSection.tsx';
import { RecommendationsSection } from './recommendations/RecommendationsSection.tsx';
import { SetupOrderSection } from './setup/SetupOrderSection.tsx';

/** The app's settings page: connection, set-up, configuration, recommendations and overview. */
export function LedgerSyncSettings() {
  const client = useBackend();
  if (!client) return <MissingBackendView />;
  return <SettingsContent client={client} />;
}

function SettingsContent({ client }: { client: BackendClient }) {
  const { state, reload, setData } = useLoad('settings', () => getSettings(client));
  const [editing, setEditing] = useState<SyncObject | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (state.status === 'loading') return <LoadingSpinner label="Loading settings" />;
  if (state.status === 'failed') return <BackendErrorView error={state.error} onRetry={reload} />;
  const settings = state.data;

  const replaceObject = (updated: ObjectSettings) =>
    setData({
      ...settings,
      objects: [...settings.objects.filter((o) => o.object !== updated.object), updated],
    });
  /** Applies an object change the backend accepted, or shows why it refused. */
  const applyObject = async (call: Promise<BackendResult<ObjectSettings>>) => {
    const result = await call;
    if (result.ok) {
      setProblem(null);
      replaceObject(result.data);
    } else {
      setProblem(describeBackendError(result.error));
    }
  };
  const patchSettings = (change: (s: SettingsResponse) => SettingsResponse) => setData(change(settings));

  return (
    <Flex direction="column" gap="md">
      {settings.hubspot.status === 'needs_reauth' ? <ReinstallNotice /> : null}
      <ConnectionSection client={client} connection={settings.connection} onChanged={reload} />
      <Divider />
      {problem ? (
        <Alert title="Change not saved" variant="error">
          <Text>{problem}</Text>
        </Alert>
      ) : null}
      <SetupOrderSection
        objects={settings.objects}
        onDirection={(object, direction) => applyObject(updateObjectSettings(client, object, { direction }))}
        onEnabled={(object, enabled) => applyObject(updateObjectSettings(client, object, { enabled }))}
        onEdit={setEditing}
      />
      {editing ? (
        <ObjectConfiguration
          client={client}
          object={editing}
          settings={settings}
          onObjectChange={applyObject}
          onSettingsChange={patchSettings}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <Divider />
      <RecommendationsSection client={client} connected={settings.connection.status === 'connected'} />
      <Divider />
      <SyncOverviewSection client={client} />
      <Divider />
      <BackfillSection client={client} />
    </Flex>
  );
}
