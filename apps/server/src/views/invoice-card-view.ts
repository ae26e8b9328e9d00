import type { InvoiceCardRows } from '@ledgersync/db';
import type { InvoiceCard } from '../api-contract/card.ts';
import { toActivityEntry } from './activity-entry.ts';
import { explainError } from './explain-error.ts';
import { explainExclusion } from './explain-exclusion.ts';
import { invoicePaymentState } from './invoice-payment-state.ts';
import { quickbooksRecordUrl } from './record-pages.ts';

/** The invoice card (R-VIS-1) from its stored rows; `quickbooksAppUrl` is where deep links point. */
export function invoiceCardView(
  invoiceId: string,
  rows: InvoiceCardRows,
  quickbooksAppUrl: string,
): InvoiceCard {
  const { link } = rows;
  const reason = link?.exclusionReason ?? null;
  // R-VIS-6: a payment synced is a sync of its invoice too.
  const lastSynced = [link?.lastSyncedAt ?? null, rows.paymentsLastSyncedAt]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    invoiceId,
    status: link?.status ?? 'not_synced',
    quickbooks: link?.quickbooksId
      ? {
          id: link.quickbooksId,
          number: link.displayNumber,
          url: quickbooksRecordUrl(quickbooksAppUrl, 'invoice', link.quickbooksId),
        }
      : null,
    lastSyncedAt: lastSynced?.toISOString() ?? null,
    payment: link ? invoicePaymentState(link.mergeBase) : null,
    error: link?.status === 'failed' ? explainError(link.errorCode, link.errorMessage) : null,
    exclusion: reason
      ? { reason, explanation: explainExclusion(reason, link?.errorMessage ?? null) ?? '' }
      : null,
    deletedOn: link?.deletedOn ?? null,
    activity: rows.activity.map(toActivityEntry),
    connection: rows.quickbooksStatus ?? 'not_connected',
    hubspotConnection: rows.hubspotStatus ?? 'active',
  };
}
