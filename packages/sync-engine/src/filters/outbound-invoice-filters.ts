import type { SideRecord } from '../records/side-record.ts';
import { type FilterResult, INCLUDED } from './filter-result.ts';

/** The three fixed outbound filters, shown to the admin and not editable (R-FLT-1). */
export const FIXED_OUTBOUND_INVOICE_FILTERS = [
  { key: 'source_hubspot', label: 'Invoice source is HubSpot' },
  { key: 'not_draft', label: 'Invoice is finalized (not a draft)' },
  { key: 'after_sync_start', label: 'Created or modified after invoice sync was turned on' },
] as const;

/**
 * R-FLT-1, R-FLT-4: decides whether a HubSpot invoice with no QBO counterpart yet may be created
 * in QBO. Linked invoices are not filtered again: once synced they keep mirroring (R-OBJ-5).
 */
export function filterOutboundInvoice(
  invoice: SideRecord<'invoice'>,
  syncStartedAt: string | null,
): FilterResult {
  const { source, sourceName } = invoice.record;
  if (source !== 'hubspot') {
    // The value is named, so a source LedgerSync misreads shows at once (R-VIS-5).
    const detail = `Invoice source "${sourceName ?? source}" is not HubSpot`;
    const reason = source === 'unknown' ? 'unknown_invoice_source' : 'not_hubspot_source';
    return { included: false, exclusion: { reason, detail } };
  }
  if (invoice.record.status === 'draft') return { included: false, exclusion: { reason: 'draft' } };
  if (syncStartedAt === null) return { included: false, exclusion: { reason: 'sync_off' } };
  const start = Date.parse(syncStartedAt);
  if (Date.parse(invoice.createdAt) < start && Date.parse(invoice.updatedAt) < start) {
    return { included: false, exclusion: { reason: 'before_sync_start', detail: syncStartedAt } };
  }
  return INCLUDED;
}
