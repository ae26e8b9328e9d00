import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { ActivityEntry } from '../api/generated/api-contract.ts';
import { formatDateTime } from '../format-date-time.ts';
import { DIRECTION_LABEL } from '../labels.ts';

/** A record's sync history: when, which way, and what changed. */
export function ActivityTable({
  entries,
  timeZone,
}: {
  entries: readonly ActivityEntry[];
  timeZone: string;
}) {
  if (entries.length === 0) return <Text>No sync activity yet.</Text>;
  return (
    <Table bordered>
      <TableHead>
        <TableRow>
          <TableHeader>When</TableHeader>
          <TableHeader>Direction</TableHeader>
          <TableHeader>What happened</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>{formatDateTime(entry.occurredAt, timeZone)}</TableCell>
            <TableCell>{DIRECTION_LABEL[entry.direction]}</TableCell>
            <TableCell>{describeActivity(entry)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function describeActivity(entry: ActivityEntry): string {
  const action = entry.action.charAt(0).toUpperCase() + entry.action.slice(1).replaceAll('_', ' ');
  const fields = entry.changedFields.length > 0 ? `: ${entry.changedFields.join(', ')}` : '';
  return `${action}${fields}${entry.message ? `. ${entry.message}` : ''}`;
}
