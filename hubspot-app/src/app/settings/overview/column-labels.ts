import type { RecordColumn } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

export const COLUMN_LABEL: Readonly<Record<RecordColumn, string>> = {
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
