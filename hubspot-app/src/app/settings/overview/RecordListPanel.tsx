import { LoadingSpinner, Panel, PanelBody, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  LinkStatus,
  RecordColumn,
  SyncObject,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { getRecords } from '@ledgersync/hubspot-ui-shared/api/overview-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { OBJECT_LABEL, STATUS_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { useState } from 'react';
import { RecordTable } from './RecordTable.tsx';

const PANEL_COLUMNS: Readonly<Record<LinkStatus, RecordColumn[]>> = {
  synced: ['name', 'hubspotRecord', 'quickbooksRecord', 'lastSyncedAt'],
  pending: ['name', 'hubspotRecord', 'quickbooksRecord', 'updatedAt'],
  failed: ['name', 'hubspotRecord', 'quickbooksRecord', 'error'],
  excluded: ['name', 'hubspotRecord', 'quickbooksRecord', 'exclusion'],
};

interface Props {
  client: BackendClient;
  object: SyncObject;
  status: LinkStatus;
}

/**
 * The records behind one count of the object view. HubSpot mounts overlay content up front, so
 * the list is fetched only once the panel opens.
 */
export function RecordListPanel({ client, object, status }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Panel
      id={`records-${object}-${status}`}
      title={`${OBJECT_LABEL[object]}: ${STATUS_LABEL[status]}`}
      width="md"
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      <PanelBody>{open ? <PanelRecords client={client} object={object} status={status} /> : null}</PanelBody>
    </Panel>
  );
}

function PanelRecords({ client, object, status }: Props) {
  const { state } = useLoad(`${object}-${status}`, () =>
    getRecords(client, { object, status, page: 1, pageSize: 50, columns: PANEL_COLUMNS[status] }),
  );
  if (state.status === 'loading') return <LoadingSpinner label="Loading records" />;
  if (state.status === 'failed') return <Text>{describeBackendError(state.error)}</Text>;
  return <RecordTable page={state.data} />;
}
