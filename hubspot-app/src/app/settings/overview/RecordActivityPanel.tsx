import { LoadingSpinner, Panel, PanelBody, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { getRecordActivity } from '@ledgersync/hubspot-ui-shared/api/overview-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { useLocaleFormat } from '@ledgersync/hubspot-ui-shared/locale-format.ts';
import { ActivityTable } from '@ledgersync/hubspot-ui-shared/views/ActivityTable.tsx';
import { useState } from 'react';

/** One record's sync activity, fetched when the panel opens (overlay content is mounted up front). */
export function RecordActivityPanel({ client, recordId }: { client: BackendClient; recordId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Panel
      id={`activity-${recordId}`}
      title="Sync activity"
      width="md"
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      <PanelBody>{open ? <ActivityContent client={client} recordId={recordId} /> : null}</PanelBody>
    </Panel>
  );
}

function ActivityContent({ client, recordId }: { client: BackendClient; recordId: string }) {
  const format = useLocaleFormat();
  const { state } = useLoad(recordId, (id) => getRecordActivity(client, id));
  if (state.status === 'loading') return <LoadingSpinner label="Loading activity" />;
  if (state.status === 'failed') return <Text>{describeBackendError(state.error)}</Text>;
  return <ActivityTable entries={state.data.activity} format={format} />;
}
