import { z } from 'zod';
import { currencyCodeSchema, customFieldsSchema, decimalStringSchema } from './field-values.ts';
import { isoDateSchema } from './sync-object.ts';

export const INVOICE_STATUSES = ['draft', 'open', 'partially_paid', 'paid', 'voided'] as const;
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

/**
 * Where the invoice was created, as HubSpot's "Invoice source" says: `hubspot` (native, the only
 * source synced outbound, R-FLT-1), `integration` (created through an app or data sync, e.g. by
 * us from QBO), `legacy_quickbooks`, or `unknown` (a value LedgerSync does not know: never taken
 * for HubSpot, and named where it is shown). Always `quickbooks` on the QBO side.
 */
export const invoiceSourceSchema = z.enum([
  'hubspot',
  'integration',
  'legacy_quickbooks',
  'unknown',
  'quickbooks',
]);
export type InvoiceSource = z.infer<typeof invoiceSourceSchema>;

export const lineDiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), value: decimalStringSchema }),
  z.object({ kind: z.literal('percent'), value: decimalStringSchema }),
]);
export type LineDiscount = z.infer<typeof lineDiscountSchema>;

/**
 * One invoice line. `productId` is side-local (HubSpot product id / QBO item id) or null for an
 * ad-hoc line (R-OBJ-1: such lines go to the Custom Line Item in QBO). `amount` is
 * quantity × unitPrice − discount, rounded to the invoice currency. `taxCodeId` is a QBO tax code
 * (the non-US tax mapping, R-ERR-5); always null on the HubSpot side.
 */
export const canonicalInvoiceLineSchema = z.object({
  productId: z.string().nullable(),
  description: z.string().nullable(),
  quantity: decimalStringSchema,
  unitPrice: decimalStringSchema,
  discount: lineDiscountSchema.nullable(),
  serviceDate: isoDateSchema.nullable(),
  amount: decimalStringSchema,
  taxCodeId: z.string().nullable(),
});
export type CanonicalInvoiceLine = z.infer<typeof canonicalInvoiceLineSchema>;

/** R-OBJ-3. `customerId` is side-local (HubSpot billing contact / QBO CustomerRef). */
export const canonicalInvoiceSchema = z.object({
  number: z.string().nullable(),
  issueDate: isoDateSchema,
  dueDate: isoDateSchema.nullable(),
  currency: currencyCodeSchema,
  customerId: z.string().nullable(),
  status: invoiceStatusSchema,
  source: invoiceSourceSchema,
  /** HubSpot's Invoice source as people read it ("Data Sync", "Stripe"), when it is not HubSpot. */
  sourceName: z.string().optional(),
  comments: z.string().nullable(),
  lines: z.array(canonicalInvoiceLineSchema),
  total: decimalStringSchema,
  balance: decimalStringSchema,
  /** Values of custom-mapped fields, keyed by side-local field key (R-MAP-4). */
  customFields: customFieldsSchema,
});
export type CanonicalInvoice = z.infer<typeof canonicalInvoiceSchema>;
