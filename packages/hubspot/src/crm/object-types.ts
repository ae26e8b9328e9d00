import type { SyncObject } from '@ledgersync/sync-engine';

/** HubSpot object type path names (the SDK's generic `crm.objects` accepts them). */
export type HubSpotObjectType =
  | 'contacts'
  | 'companies'
  | 'products'
  | 'line_items'
  | 'invoices'
  | 'commerce_payments';

export const OBJECT_TYPE_FOR: Readonly<Record<SyncObject, HubSpotObjectType>> = {
  customer: 'contacts',
  product: 'products',
  invoice: 'invoices',
  payment: 'commerce_payments',
};

/** The unique app-owned property every synced record carries: creates upsert on it. */
export const QBO_ID_PROPERTY = 'ledgersync_qbo_id';
export const SYNC_STATUS_PROPERTY = 'ledgersync_sync_status';
export const LAST_SYNCED_AT_PROPERTY = 'ledgersync_last_synced_at';
/** The QBO invoice number (DocNumber): `hs_number` is read-only, HubSpot numbers its own invoices. */
export const QBO_NUMBER_PROPERTY = 'ledgersync_qbo_number';

/** HubSpot's batch endpoints take at most 100 inputs. */
export const BATCH_SIZE = 100;

export function chunk<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
