import { z } from 'zod';
import { type CanonicalCustomer, canonicalCustomerSchema } from './canonical-customer.ts';
import { type CanonicalInvoice, canonicalInvoiceSchema } from './canonical-invoice.ts';
import { type CanonicalPayment, canonicalPaymentSchema } from './canonical-payment.ts';
import { type CanonicalProduct, canonicalProductSchema } from './canonical-product.ts';
import { isoDateTimeSchema, type Side, type SyncObject, sideSchema } from './sync-object.ts';

export interface CanonicalRecords {
  customer: CanonicalCustomer;
  product: CanonicalProduct;
  invoice: CanonicalInvoice;
  payment: CanonicalPayment;
}
export type RecordOf<O extends SyncObject> = CanonicalRecords[O];

export const canonicalRecordSchemas = {
  customer: canonicalCustomerSchema,
  product: canonicalProductSchema,
  invoice: canonicalInvoiceSchema,
  payment: canonicalPaymentSchema,
} as const;

/**
 * One record as read from one side. `version` is what that side uses for optimistic concurrency
 * (QBO SyncToken, HubSpot updatedAt); references inside `record` are ids on the same `side`.
 * `deleted` and `mergedInto` report deletes and merges (R-OBJ-7).
 */
export interface SideRecord<O extends SyncObject = SyncObject> {
  readonly side: Side;
  readonly object: O;
  readonly id: string;
  readonly version: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deleted?: boolean;
  readonly mergedInto?: string;
  readonly record: RecordOf<O>;
}

export type AnySideRecord = { [O in SyncObject]: SideRecord<O> }[SyncObject];

const envelopeBase = {
  side: sideSchema,
  id: z.string().min(1),
  version: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  deleted: z.boolean().optional(),
  mergedInto: z.string().optional(),
};

/** Validates an envelope that crossed a boundary (queue payload, stored JSON). */
export const sideRecordSchema = z.discriminatedUnion('object', [
  z.object({ ...envelopeBase, object: z.literal('customer'), record: canonicalCustomerSchema }),
  z.object({ ...envelopeBase, object: z.literal('product'), record: canonicalProductSchema }),
  z.object({ ...envelopeBase, object: z.literal('invoice'), record: canonicalInvoiceSchema }),
  z.object({ ...envelopeBase, object: z.literal('payment'), record: canonicalPaymentSchema }),
]);
