import { type CanonicalCustomer, canonicalCustomerSchema } from './canonical-customer.ts';
import { type CanonicalInvoice, canonicalInvoiceSchema } from './canonical-invoice.ts';
import { type CanonicalPayment, canonicalPaymentSchema } from './canonical-payment.ts';
import { type CanonicalProduct, canonicalProductSchema } from './canonical-product.ts';
import type { Side, SyncObject } from './sync-object.ts';

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
  /**
   * Values a rule filter may test that the canonical record does not carry (a QBO item's Type),
   * keyed by the filter catalogue's name (R-FLT-5). Never synced, never compared.
   */
  readonly filterValues?: Readonly<Record<string, string | null>>;
}

export type AnySideRecord = { [O in SyncObject]: SideRecord<O> }[SyncObject];
