import { DescriptionList, DescriptionListItem, Link, Text } from '@hubspot/ui-extensions';
import type { InvoiceCard } from '../../shared/api/contract.ts';
import { formatDateTime } from '../../shared/format-date-time.ts';
import { SyncStatusTag } from '../../shared/views/SyncStatusTag.tsx';

/** Status, the QuickBooks invoice it is linked to, and when it last synced. */
export function SyncSummary({ card, timeZone }: { card: InvoiceCard; timeZone: string }) {
  return (
    <DescriptionList direction="row">
      <DescriptionListItem label="Status">
        {card.status === 'not_synced' ? <Text>Not synced</Text> : <SyncStatusTag status={card.status} />}
      </DescriptionListItem>
      <DescriptionListItem label="QuickBooks invoice">
        {card.quickbooks ? (
          <Link href={{ url: card.quickbooks.url, external: true }}>
            {card.quickbooks.number ?? `#${card.quickbooks.id}`}
          </Link>
        ) : (
          <Text>Not in QuickBooks yet</Text>
        )}
      </DescriptionListItem>
      <DescriptionListItem label="Last synced">
        <Text>{card.lastSyncedAt ? formatDateTime(card.lastSyncedAt, timeZone) : 'Never'}</Text>
      </DescriptionListItem>
    </DescriptionList>
  );
}
