export const COLUMN_LABEL: Readonly<Record<string, string>> = {
  object: 'Object',
  status: 'Status',
  hubspotId: 'HubSpot ID',
  quickbooksId: 'QuickBooks ID',
  displayNumber: 'Number',
  amount: 'Amount',
  currency: 'Currency',
  errorCode: 'Error',
  exclusionReason: 'Excluded because',
  direction: 'Direction',
  lastSyncedAt: 'Last synced',
  updatedAt: 'Updated',
};
