import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { RecordPage } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { COLUMN_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';
import { useLocaleFormat } from '@ledgersync/hubspot-ui-shared/locale-format.ts';
import type { ReactNode } from 'react';
import { RecordCell } from './RecordCell.tsx';

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
  const format = useLocaleFormat();
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
            <TableCell key={c}>
              <RecordCell row={row} column={c} format={format} />
            </TableCell>
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
