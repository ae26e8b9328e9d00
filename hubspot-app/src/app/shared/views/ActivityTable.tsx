import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { describeActivity } from '../activity-sentence.ts';
import type { ActivityEntry } from '../api/generated/api-contract.ts';
import { formatDateTime } from '../format-date-time.ts';
import type { LocaleFormat } from '../locale-format.ts';

/** A record's sync history (its payments' included): when, and what happened in words. */
export function ActivityTable({
  entries,
  format,
}: {
  entries: readonly ActivityEntry[];
  format: LocaleFormat;
}) {
  if (entries.length === 0) return <Text>No sync activity yet.</Text>;
  return (
    <Table bordered>
      <TableHead>
        <TableRow>
          <TableHeader>When</TableHeader>
          <TableHeader>What happened</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>{formatDateTime(entry.occurredAt, format)}</TableCell>
            <TableCell>
              <Text>{describeActivity(entry, format)}</Text>
              {entry.message ? <Text variant="microcopy">{entry.message}</Text> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
