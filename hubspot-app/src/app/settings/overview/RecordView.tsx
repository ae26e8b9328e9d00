import { Button, Flex, Heading, LoadingSpinner, MultiSelect, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import {
  type OverviewResponse,
  type RecordColumn,
  recordColumnSchema,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { getRecords, type RecordQuery } from '@ledgersync/hubspot-ui-shared/api/overview-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { COLUMN_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { useState } from 'react';
import { RecordActivityPanel } from './RecordActivityPanel.tsx';
import { RecordFilters, type RecordFilterValues } from './RecordFilters.tsx';
import { RecordTable } from './RecordTable.tsx';

const PAGE_SIZE = 25;
const DEFAULT_COLUMNS: RecordColumn[] = ['object', 'name', 'status', 'error', 'direction', 'lastSyncedAt'];

/** R-VIS-3: every synced record, filtered, paged, in the chosen columns, each with its activity. */
export function RecordView({
  client,
  errors,
}: {
  client: BackendClient;
  errors: OverviewResponse['errors'];
}) {
  const [filters, setFilters] = useState<RecordFilterValues>({});
  const [columns, setColumns] = useState<RecordColumn[]>(DEFAULT_COLUMNS);
  const [page, setPage] = useState(1);
  const query: RecordQuery = { ...filters, page, pageSize: PAGE_SIZE, columns };
  const { state } = useLoad(JSON.stringify(query), () => getRecords(client, query));

  return (
    <Flex direction="column" gap="sm">
      <Heading>Records</Heading>
      <RecordFilters
        values={filters}
        errors={errors}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      <MultiSelect
        label="Columns"
        name="record-columns"
        value={columns}
        options={recordColumnSchema.options.map((c) => ({ label: COLUMN_LABEL[c], value: c }))}
        onChange={(v) => setColumns(recordColumnSchema.options.filter((c) => v.includes(c)))}
      />
      {state.status === 'loading' ? <LoadingSpinner label="Loading records" /> : null}
      {state.status === 'failed' ? <Text>{describeBackendError(state.error)}</Text> : null}
      {state.status === 'loaded' ? (
        <RecordTable
          page={state.data}
          pagination={{
            page: state.data.page,
            pageCount: Math.max(1, Math.ceil(state.data.total / state.data.pageSize)),
            onPageChange: setPage,
          }}
          rowAction={(recordId) => (
            <Button
              variant="transparent"
              size="xs"
              overlay={<RecordActivityPanel client={client} recordId={recordId} />}
            >
              View
            </Button>
          )}
        />
      ) : null}
    </Flex>
  );
}
