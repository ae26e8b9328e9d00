import { createHash } from 'node:crypto';
import type { ChangeNotice, SyncObject } from '@ledgersync/sync-engine';

/** A change reported by a QBO webhook, before the server ties its realm to a portal. */
export type QboChangeNotice = Omit<ChangeNotice, 'id' | 'portalId' | 'attempts' | 'receivedAt'> & {
  readonly realmId: string;
  /** QBO's entity name and operation, as sent (for the activity log). */
  readonly entity: string;
  readonly operation: string;
};

const OBJECT_OF: Readonly<Record<string, SyncObject>> = {
  customer: 'customer',
  item: 'product',
  invoice: 'invoice',
  payment: 'payment',
};

/** Entities LedgerSync does not sync (Vendor, Bill, …) give null and are ignored. */
export function syncObjectOf(entity: string): SyncObject | null {
  return OBJECT_OF[entity.toLowerCase()] ?? null;
}

export function kindOf(operation: string): ChangeNotice['kind'] {
  const op = operation.toLowerCase();
  if (op.startsWith('delete')) return 'delete';
  if (op.startsWith('merge')) return 'merge';
  return 'change';
}

/** Classic payloads carry no event id, so one is derived from what identifies the event. */
export function derivedEventId(parts: readonly string[]): string {
  return `qbo-${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}`;
}

export function isoInstant(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const parsed = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(parsed) ? fallback : new Date(parsed).toISOString();
}
