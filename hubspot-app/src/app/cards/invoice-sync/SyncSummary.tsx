import { DescriptionList, DescriptionListItem, Link, Text } from '@hubspot/ui-extensions';
import type { InvoiceSyncView } from '../../shared/api/contract.ts';
import { formatDateTime } from '../../shared/format-date-time.ts';
import { SyncStatusTag } from '../../shared/views/SyncStatusTag.tsx';

type SyncedRecord = NonNullable<InvoiceSyncView['record']>;

/** Status, the QuickBooks invoice it is linked to, and when it last synced. */
export function SyncSummary({ record, timeZone }: { record: SyncedRecord; timeZone: string }) {
  return (
    <DescriptionList direction="row">
      <DescriptionListItem label="Status">
        <SyncStatusTag status={record.status} />
      </DescriptionListItem>
      <DescriptionListItem label="QuickBooks invoice">
        {record.quickbooks ? (
          <Link href={{ url: record.quickbooks.url, external: true }}>{record.quickbooks.docNumber}</Link>
        ) : (
          <Text>Not in QuickBooks yet</Text>
        )}
      </DescriptionListItem>
      <DescriptionListItem label="Last synced">
        <Text>{record.lastSyncedAt ? formatDateTime(record.lastSyncedAt, timeZone) : 'Never'}</Text>
      </DescriptionListItem>
    </DescriptionList>
  );
}
