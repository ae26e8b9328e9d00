import type { InvoiceSyncView } from '../src/app/shared/api/contract.ts';

type InvoiceRecord = NonNullable<InvoiceSyncView['record']>;

export function invoiceSyncView(
  record: Partial<InvoiceRecord> | null = {},
  more: Partial<InvoiceSyncView> = {},
): InvoiceSyncView {
  return {
    connection: 'connected',
    record:
      record === null
        ? null
        : {
            status: 'synced',
            quickbooks: { docNumber: '1042', url: 'https://app.qbo.intuit.com/app/invoice?txnId=77' },
            lastSyncedAt: '2026-03-04T14:15:00Z',
            failure: null,
            exclusion: null,
            ...record,
          },
    activity: [
      {
        at: '2026-03-04T14:15:00Z',
        direction: 'hubspot_to_quickbooks',
        summary: 'Updated in QuickBooks',
        changedFields: ['Due date', 'Line items'],
      },
    ],
    ...more,
  };
}
