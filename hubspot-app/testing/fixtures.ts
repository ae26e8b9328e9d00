import type { InvoiceCard } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

export function invoiceCard(overrides: Partial<InvoiceCard> = {}): InvoiceCard {
  return {
    invoiceId: '123',
    status: 'synced',
    quickbooks: { id: '77', number: '1042', url: 'https://app.qbo.intuit.com/app/invoice?txnId=77' },
    lastSyncedAt: '2026-03-04T14:15:00Z',
    payment: null,
    error: null,
    exclusion: null,
    deletedOn: null,
    activity: [
      {
        id: 'a1',
        occurredAt: '2026-03-04T14:15:00Z',
        object: 'invoice',
        action: 'updated',
        direction: 'hubspot_to_quickbooks',
        changedFields: ['Due date', 'Line items'],
        error: null,
        exclusion: null,
        message: null,
        amount: null,
      },
    ],
    connection: 'connected',
    hubspotConnection: 'active',
    ...overrides,
  };
}
