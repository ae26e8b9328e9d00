import type { SyncObject } from '@ledgersync/db';
import { z } from 'zod';

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);

/** One event of HubSpot's webhook batch; fields we do not use pass through untouched. */
export const hubspotEventSchema = z.looseObject({
  eventId: id,
  subscriptionId: id,
  portalId: z.number().int().positive(),
  // At most what a Date can hold: beyond it the notice's date is invalid and its insert fails (a 500).
  occurredAt: z.number().int().nonnegative().max(8_640_000_000_000_000),
  subscriptionType: z.string().min(1),
  objectId: id,
  objectTypeId: z.string().optional(),
  /** On `*.merge` events: the records merged away into `objectId` (R-OBJ-7). */
  mergedObjectIds: z.array(id).optional(),
});
export const hubspotBatchSchema = z.array(hubspotEventSchema).min(1).max(1000);
export type HubSpotEvent = z.infer<typeof hubspotEventSchema>;

// Object type ids and the legacy subscription prefixes of the objects we sync.
const BY_TYPE_ID: Record<string, SyncObject> = {
  '0-1': 'contacts',
  '0-7': 'products',
  '0-53': 'invoices',
  '0-101': 'payments',
};
const BY_PREFIX: Record<string, SyncObject> = {
  contact: 'contacts',
  product: 'products',
  invoice: 'invoices',
  commerce_payment: 'payments',
};

/** The synced object an event is about, or null (line items, deals, …: not ours to drain). */
export function objectOfHubSpotEvent(event: HubSpotEvent): SyncObject | null {
  if (event.objectTypeId) return BY_TYPE_ID[event.objectTypeId] ?? null;
  const prefix = event.subscriptionType.split('.')[0] ?? '';
  return BY_PREFIX[prefix] ?? null;
}

/** HubSpot's eventId is unique only within a subscription. */
export const hubspotEventKey = (e: HubSpotEvent) => `${e.subscriptionId}:${e.eventId}`;
