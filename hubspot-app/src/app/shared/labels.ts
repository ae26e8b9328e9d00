import type { Direction, LinkStatus, SyncObject } from './api/generated/api-contract.ts';

export const DIRECTION_LABEL: Readonly<Record<Direction, string>> = {
  hubspot_to_quickbooks: 'HubSpot → QuickBooks',
  quickbooks_to_hubspot: 'QuickBooks → HubSpot',
  two_way: 'Both ways',
  off: 'Off',
};

export const OBJECT_LABEL: Readonly<Record<SyncObject, string>> = {
  product: 'Products',
  customer: 'Contacts',
  invoice: 'Invoices',
  payment: 'Payments',
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
