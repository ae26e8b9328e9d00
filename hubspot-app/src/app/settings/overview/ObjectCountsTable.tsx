import {
  Button,
  MultiSelect,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { BackendClient } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  LinkStatus,
  OverviewResponse,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { OBJECT_LABEL, STATUS_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { useState } from 'react';
import { RecordListPanel } from './RecordListPanel.tsx';

type CountColumn = 'synced' | 'pending' | 'failing' | 'excluded';
const COUNT_COLUMNS: readonly CountColumn[] = ['synced', 'pending', 'failing', 'excluded'];
const STATUS_OF: Readonly<Record<CountColumn, LinkStatus>> = {
  synced: 'synced',
  pending: 'pending',
  failing: 'failed',
  excluded: 'excluded',
};

/** Counts per object and status; a number opens a side panel listing those records. */
export function ObjectCountsTable({
  client,
  overview,
}: {
  client: BackendClient;
  overview: OverviewResponse;
}) {
  const [columns, setColumns] = useState<CountColumn[]>(['synced', 'failing', 'excluded']);
  return (
    <>
      <MultiSelect
        label="Columns"
        name="overview-columns"
        value={columns}
        options={COUNT_COLUMNS.map((c) => ({ label: STATUS_LABEL[STATUS_OF[c]], value: c }))}
        onChange={(v) => setColumns(COUNT_COLUMNS.filter((c) => v.includes(c)))}
      />
      <Table bordered>
        <TableHead>
          <TableRow>
            <TableHeader>Object</TableHeader>
            {columns.map((c) => (
              <TableHeader key={c}>{STATUS_LABEL[STATUS_OF[c]]}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {overview.objects.map((row) => (
            <TableRow key={row.object}>
              <TableCell>{OBJECT_LABEL[row.object]}</TableCell>
              {columns.map((c) => (
                <TableCell key={c}>
                  {row[c] === 0 ? (
                    <Text>0</Text>
                  ) : (
                    <Button
                      variant="transparent"
                      testId={`count-${row.object}-${c}`}
                      overlay={<RecordListPanel client={client} object={row.object} status={STATUS_OF[c]} />}
                    >
                      {String(row[c])}
                    </Button>
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
