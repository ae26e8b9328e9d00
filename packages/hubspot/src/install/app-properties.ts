import type { HubSpotObjectType } from '../crm/object-types.ts';
import {
  LAST_SYNCED_AT_PROPERTY,
  QBO_ID_PROPERTY,
  QBO_NUMBER_PROPERTY,
  SYNC_STATUS_PROPERTY,
} from '../crm/object-types.ts';

export const PROPERTY_GROUP = { name: 'ledgersync', label: 'LedgerSync', displayOrder: -1 } as const;

export interface AppPropertyDefinition {
  name: string;
  label: string;
  description: string;
  type: 'string' | 'enumeration' | 'datetime';
  fieldType: 'text' | 'select' | 'date';
  hasUniqueValue?: boolean;
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
}

const qboId: AppPropertyDefinition = {
  name: QBO_ID_PROPERTY,
  label: 'QuickBooks ID',
  description: 'Id of the linked QuickBooks record. Set by LedgerSync; do not edit.',
  type: 'string',
  fieldType: 'text',
  hasUniqueValue: true,
};

const STATUSES = ['synced', 'pending', 'failed', 'excluded', 'counterpart_deleted'];
const syncStatus: AppPropertyDefinition = {
  name: SYNC_STATUS_PROPERTY,
  label: 'QuickBooks sync status',
  description: 'Whether LedgerSync has synced this record to QuickBooks, for filters and reports.',
  type: 'enumeration',
  fieldType: 'select',
  options: STATUSES.map((value, i) => ({
    label: value.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()),
    value,
    displayOrder: i,
    hidden: false,
  })),
};

const lastSyncedAt: AppPropertyDefinition = {
  name: LAST_SYNCED_AT_PROPERTY,
  label: 'Last synced with QuickBooks',
  description: 'When LedgerSync last wrote or confirmed this record.',
  type: 'datetime',
  fieldType: 'date',
};

// R-OBJ-3 / R-VIS-1: HubSpot's own `hs_number` cannot be written through the API, so the
// number a QBO-created invoice has in QuickBooks is kept here, where the card and reports find it.
const qboNumber: AppPropertyDefinition = {
  name: QBO_NUMBER_PROPERTY,
  label: 'QuickBooks invoice number',
  description: 'The invoice number in QuickBooks (DocNumber). Set by LedgerSync.',
  type: 'string',
  fieldType: 'text',
};

/** The properties LedgerSync owns, per object type. Line items only need their upsert key. */
export const APP_PROPERTIES: Readonly<Record<HubSpotObjectType, readonly AppPropertyDefinition[]>> = {
  invoices: [qboId, syncStatus, lastSyncedAt, qboNumber],
  contacts: [qboId, syncStatus, lastSyncedAt],
  products: [qboId, syncStatus, lastSyncedAt],
  commerce_payments: [qboId, syncStatus, lastSyncedAt],
  line_items: [qboId],
  companies: [],
};
