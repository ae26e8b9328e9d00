// Why a record is deliberately not synced. Not a failure: the card shows "excluded" and why.
export const EXCLUSION_REASONS = {
  draft: 'Draft invoices are not synced; finalize the invoice to sync it.',
  not_hubspot_source: 'Only invoices whose Invoice source is HubSpot are sent to QuickBooks.',
  unknown_invoice_source:
    'LedgerSync does not know this Invoice source, so it does not take it for HubSpot and does not send the invoice to QuickBooks.',
  before_sync_start: 'Created and last changed before invoice sync was turned on.',
  filtered: 'Left out by a sync filter.',
  no_sku: 'Product sync only syncs products that have a SKU.',
  sync_off: 'Sync of this object is turned off.',
  direction: 'Sync of this object does not run in this direction.',
  payments_not_synced: 'Payments are not synced when invoice sync is QuickBooks to HubSpot only.',
  counterpart_deleted: 'The linked record was deleted on the other side; nothing is deleted by a sync.',
} as const;

export type ExclusionReason = keyof typeof EXCLUSION_REASONS;

export interface Exclusion {
  readonly reason: ExclusionReason;
  /** The specific filter or value that excluded the record, when there is one. */
  readonly detail?: string;
}
