import type {
  Direction,
  ErrorCategory,
  FieldFlow,
  LinkStatus,
  RecordColumn,
  SyncObject,
} from './api/generated/api-contract.ts';

// Every label a person reads, in one place, keyed by the contract's enums (R-VIS-5): a value the
// server adds fails the type check here once the contract is regenerated, and labels.test.ts
// fails on a label that reads like a code.

export const DIRECTION_LABEL: Readonly<Record<Direction, string>> = {
  hubspot_to_quickbooks: 'HubSpot → QuickBooks',
  quickbooks_to_hubspot: 'QuickBooks → HubSpot',
  two_way: 'Both ways',
  off: 'Off',
};

/** Which way a mapped field's value travels; a read-only one is computed by each app. */
export const FIELD_FLOW_LABEL: Readonly<Record<FieldFlow, string>> = {
  two_way: DIRECTION_LABEL.two_way,
  hubspot_to_quickbooks: DIRECTION_LABEL.hubspot_to_quickbooks,
  quickbooks_to_hubspot: DIRECTION_LABEL.quickbooks_to_hubspot,
  read_only: 'Compared, not copied: each app works it out',
};

/** Objects as the set-up and the counts name them, plural. */
export const OBJECT_LABEL: Readonly<Record<SyncObject, string>> = {
  product: 'Products',
  customer: 'Contacts',
  invoice: 'Invoices',
  payment: 'Payments',
};

/** One record of an object. */
export const OBJECT_SINGULAR: Readonly<Record<SyncObject, string>> = {
  product: 'Product',
  customer: 'Contact',
  invoice: 'Invoice',
  payment: 'Payment',
};

export const STATUS_LABEL: Readonly<Record<LinkStatus, string>> = {
  synced: 'Synced',
  pending: 'Pending',
  failed: 'Failed',
  excluded: 'Excluded',
};

export const STATUS_VARIANT = {
  synced: 'success',
  pending: 'info',
  failed: 'danger',
  excluded: 'default',
} as const satisfies Record<LinkStatus, string>;

/** Error categories (R-VIS-4) and, on hover, what each means. */
export const ERROR_CATEGORY_LABEL: Readonly<Record<ErrorCategory, string>> = {
  data: 'Data',
  configuration: 'Set-up',
  connection: 'Connection',
  transient: 'Temporary',
  unknown: 'Other',
};

export const ERROR_CATEGORY_EXPLANATION: Readonly<Record<ErrorCategory, string>> = {
  data: 'Something in this record, or in a record it uses, has to be changed before it can sync.',
  configuration: 'A LedgerSync or QuickBooks setting stops this record from syncing; change the setting.',
  connection: 'LedgerSync cannot reach HubSpot or QuickBooks with its current access; reconnect it.',
  transient: 'HubSpot or QuickBooks was briefly unavailable; LedgerSync tries again by itself.',
  unknown: 'An error this version of LedgerSync does not describe; Resync, and contact support if it stays.',
};

export const COLUMN_LABEL: Readonly<Record<RecordColumn, string>> = {
  object: 'Object',
  status: 'Status',
  name: 'Record',
  hubspotRecord: 'In HubSpot',
  quickbooksRecord: 'In QuickBooks',
  amount: 'Amount',
  error: 'Error',
  exclusion: 'Excluded because',
  direction: 'Direction',
  lastSyncedAt: 'Last synced',
  updatedAt: 'Updated',
};

/** What a record is called before it has a name of its own: a draft's number comes when it is finalized. */
export const UNNAMED_RECORD_LABEL: Readonly<Record<SyncObject, string>> = {
  invoice: 'Invoice (no number yet)',
  customer: 'Contact (no name)',
  product: 'Product (no name)',
  payment: 'Payment (no reference)',
};
