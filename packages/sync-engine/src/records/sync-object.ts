import { z } from 'zod';

export const SIDES = ['hubspot', 'quickbooks'] as const;
export const sideSchema = z.enum(SIDES);
export type Side = z.infer<typeof sideSchema>;

export function otherSide(side: Side): Side {
  return side === 'hubspot' ? 'quickbooks' : 'hubspot';
}

// HubSpot contact ⇄ QBO customer is "customer"; HubSpot product ⇄ QBO item is "product";
// HubSpot commerce payment ⇄ QBO payment is "payment".
export const SYNC_OBJECTS = ['customer', 'product', 'invoice', 'payment'] as const;
export const syncObjectSchema = z.enum(SYNC_OBJECTS);
export type SyncObject = z.infer<typeof syncObjectSchema>;

/** Dependency order of a pass: customers and items before invoices, invoices before payments. */
export const OBJECT_ORDER: Readonly<Record<SyncObject, number>> = {
  customer: 0,
  product: 0,
  invoice: 1,
  payment: 2,
};

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
