import { DescriptionList, DescriptionListItem, Link, Text } from '@hubspot/ui-extensions';
import type { InvoiceCard } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { formatDateTime } from '@ledgersync/hubspot-ui-shared/format-date-time.ts';
import type { LocaleFormat } from '@ledgersync/hubspot-ui-shared/locale-format.ts';
import { SyncStatusTag } from '@ledgersync/hubspot-ui-shared/views/SyncStatusTag.tsx';
import { PaymentAmounts, PaymentStateTag } from './PaymentState.tsx';

/** Sync status, payment state, the QuickBooks invoice it is linked to, and when it last synced. */
export function SyncSummary({ card, format }: { card: InvoiceCard; format: LocaleFormat }) {
  return (
    <DescriptionList direction="row">
      <DescriptionListItem label="Sync status">
        {card.status === 'not_synced' ? <Text>Not synced</Text> : <SyncStatusTag status={card.status} />}
      </DescriptionListItem>
      {card.payment ? (
        <DescriptionListItem label="Payment">
          <PaymentStateTag payment={card.payment} />
        </DescriptionListItem>
      ) : null}
      {card.payment ? (
        <DescriptionListItem label="Amount paid">
          <PaymentAmounts payment={card.payment} />
        </DescriptionListItem>
      ) : null}
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
        <Text>{card.lastSyncedAt ? formatDateTime(card.lastSyncedAt, format) : 'Never'}</Text>
      </DescriptionListItem>
    </DescriptionList>
  );
}
