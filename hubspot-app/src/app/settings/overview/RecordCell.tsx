import { Flex, Link, Text } from '@hubspot/ui-extensions';
import type { RecordColumn, RecordRow } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { formatDateTime, formatDay } from '@ledgersync/hubspot-ui-shared/format-date-time.ts';
import { formatMoney } from '@ledgersync/hubspot-ui-shared/format-money.ts';
import {
  DIRECTION_LABEL,
  OBJECT_SINGULAR,
  UNNAMED_RECORD_LABEL,
} from '@ledgersync/hubspot-ui-shared/labels.ts';
import type { LocaleFormat } from '@ledgersync/hubspot-ui-shared/locale-format.ts';
import { ErrorCategoryTag } from '@ledgersync/hubspot-ui-shared/views/ErrorCategoryTag.tsx';
import { SyncStatusTag } from '@ledgersync/hubspot-ui-shared/views/SyncStatusTag.tsx';

const NONE = '—';

/** What tells two records of one name apart, in words: a contact's email, a product's SKU, a payment's date. */
function detailOf(name: NonNullable<RecordRow['name']>, format: LocaleFormat): string | null {
  if (name.detail === null) return null;
  if (name.object === 'product') return `SKU ${name.detail}`;
  if (name.object === 'payment') return formatDay(name.detail, format);
  return name.detail;
}

/** One cell of the record view, each column in people's words (R-VIS-5). */
export function RecordCell({
  row,
  column,
  format,
}: {
  row: RecordRow;
  column: RecordColumn;
  format: LocaleFormat;
}) {
  switch (column) {
    case 'object':
      return <Text>{row.object ? OBJECT_SINGULAR[row.object] : NONE}</Text>;
    case 'status':
      return row.status ? <SyncStatusTag status={row.status} /> : <Text>{NONE}</Text>;
    case 'name': {
      if (!row.name) return <Text>{NONE}</Text>;
      const detail = detailOf(row.name, format);
      return (
        <Flex direction="column" gap="flush">
          <Text>{row.name.name ?? UNNAMED_RECORD_LABEL[row.name.object]}</Text>
          {detail ? <Text variant="microcopy">{detail}</Text> : null}
        </Flex>
      );
    }
    case 'hubspotRecord':
      return row.hubspotRecord ? (
        <Link href={{ url: row.hubspotRecord.url, external: true }}>Open in HubSpot</Link>
      ) : (
        <Text>Not in HubSpot</Text>
      );
    case 'quickbooksRecord':
      return row.quickbooksRecord ? (
        <Link href={{ url: row.quickbooksRecord.url, external: true }}>Open in QuickBooks</Link>
      ) : (
        <Text>Not in QuickBooks</Text>
      );
    case 'amount':
      return <Text>{row.amount ? formatMoney(row.amount, format) : NONE}</Text>;
    case 'error':
      return row.error ? (
        <Flex direction="column" gap="flush">
          <Text>{row.error.title}</Text>
          <ErrorCategoryTag category={row.error.category} />
        </Flex>
      ) : (
        <Text>{NONE}</Text>
      );
    case 'exclusion':
      return <Text>{row.exclusion ?? NONE}</Text>;
    case 'direction':
      return <Text>{row.direction ? DIRECTION_LABEL[row.direction] : NONE}</Text>;
    case 'lastSyncedAt':
      return <Text>{row.lastSyncedAt ? formatDateTime(row.lastSyncedAt, format) : 'Never'}</Text>;
    case 'updatedAt':
      return <Text>{row.updatedAt ? formatDateTime(row.updatedAt, format) : NONE}</Text>;
  }
}
