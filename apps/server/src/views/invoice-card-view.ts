import type { InvoiceCardRows } from '@ledgersync/db';
import { EXCLUSION_REASONS } from '@ledgersync/sync-engine';
import type { InvoiceCard } from '../api-contract/card.ts';
import { toActivityEntry } from './activity-entry.ts';
import { explainError } from './explain-error.ts';
import { invoicePaymentState } from './invoice-payment-state.ts';

/** The invoice card (R-VIS-1) from its stored rows; `quickbooksAppUrl` is where deep links point. */
export function invoiceCardView(
  invoiceId: string,
  rows: InvoiceCardRows,
  quickbooksAppUrl: string,
): InvoiceCard {
  const { link } = rows;
  const reason = link?.exclusionReason ?? null;
  return {
    invoiceId,
    status: link?.status ?? 'not_synced',
    quickbooks: link?.quickbooksId
      ? {
          id: link.quickbooksId,
          number: link.displayNumber,
          url: `${quickbooksAppUrl}/app/invoice?txnId=${encodeURIComponent(link.quickbooksId)}`,
        }
      : null,
    lastSyncedAt: link?.lastSyncedAt?.toISOString() ?? null,
    payment: link ? invoicePaymentState(link.mergeBase) : null,
    error: link?.status === 'failed' ? explainError(link.errorCode, link.errorMessage) : null,
    exclusion: reason
      ? { reason, explanation: exclusionExplanation(reason, link?.errorMessage ?? null) }
      : null,
    deletedOn: link?.deletedOn ?? null,
    activity: rows.activity.map(toActivityEntry),
    connection: rows.quickbooksStatus ?? 'not_connected',
    hubspotConnection: rows.hubspotStatus ?? 'active',
  };
}

/** The reason in words; an excluded invoice source is named first ('Invoice source "Stripe" is not HubSpot'). */
function exclusionExplanation(reason: string, message: string | null): string {
  const text = EXCLUSION_REASONS[reason as keyof typeof EXCLUSION_REASONS] ?? reason;
  const named = (reason === 'unknown_invoice_source' || reason === 'not_hubspot_source') && message;
  return named ? `${message}. ${text}` : text;
}
