import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { RecordPage } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import type { ReactNode } from 'react';
import { COLUMN_LABEL } from './column-labels.ts';

/** Rows of the record view, in the columns the backend returned; `pagination` makes it paged. */
export function RecordTable({
  page,
  pagination,
  rowAction,
}: {
  page: RecordPage;
  pagination?: { pageCount: number; page: number; onPageChange: (page: number) => void };
  rowAction?: (recordId: string) => ReactNode;
}) {
  if (page.rows.length === 0) return <Text>No records match.</Text>;
  const head = (
    <TableHead>
      <TableRow>
        {page.columns.map((c) => (
          <TableHeader key={c}>{COLUMN_LABEL[c]}</TableHeader>
        ))}
        {rowAction ? <TableHeader>Activity</TableHeader> : null}
      </TableRow>
    </TableHead>
  );
  const body = (
    <TableBody>
      {page.rows.map((row) => (
        <TableRow key={row.id}>
          {page.columns.map((c) => (
            <TableCell key={c}>{row[c] ?? '—'}</TableCell>
          ))}
          {rowAction ? <TableCell>{rowAction(row.id)}</TableCell> : null}
        </TableRow>
      ))}
    </TableBody>
  );
  return pagination ? (
    <Table
      bordered
      paginated
      pageCount={pagination.pageCount}
      page={pagination.page}
      onPageChange={pagination.onPageChange}
    >
      {head}
      {body}
    </Table>
  ) : (
    <Table bordered>
      {head}
      {body}
    </Table>
  );
}
