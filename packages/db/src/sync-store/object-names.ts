import type { Side, SyncObject } from '@ledgersync/sync-engine';
import type { SyncObject as DbSyncObject, SyncDirection } from '../generated/prisma/client.ts';

// The engine names objects in the singular by what they are on both sides ("customer" is a
// HubSpot contact ⇄ a QBO customer); the database enum names them as the settings page does.

const TO_DB: Readonly<Record<SyncObject, DbSyncObject>> = {
  customer: 'contacts',
  product: 'products',
  invoice: 'invoices',
  payment: 'payments',
};
const FROM_DB: Readonly<Record<DbSyncObject, SyncObject>> = {
  contacts: 'customer',
  products: 'product',
  invoices: 'invoice',
  payments: 'payment',
};

export const toDbObject = (object: SyncObject): DbSyncObject => TO_DB[object];
export const fromDbObject = (object: DbSyncObject): SyncObject => FROM_DB[object];

/** The direction of one write, as activity rows record it: the side written is the target. */
export const directionOfWrite = (written: Side): SyncDirection =>
  written === 'quickbooks' ? 'hubspot_to_quickbooks' : 'quickbooks_to_hubspot';
