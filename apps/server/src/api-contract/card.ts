import { z } from 'zod';
import {
  activityEntrySchema,
  connectionStatusSchema,
  decimalAmount,
  errorExplanationSchema,
  installationStatusSchema,
  isoDateTime,
  linkStatusSchema,
} from './common.ts';

/** `GET /api/v1/invoices/:invoiceId/card` — the "Integrations sync" card of one HubSpot invoice (R-VIS-1). */
export const invoiceParamsSchema = z.object({
  invoiceId: z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id'),
});

/**
 * The invoice's payment state as LedgerSync last synced it (R-OBJ-5), beside the sync status:
 * amounts are exact decimals in the invoice currency; `amountPaid` is total − balance due.
 */
export const invoicePaymentSchema = z
  .object({
    state: z.enum(['draft', 'open', 'partially_paid', 'paid', 'voided']),
    currency: z.string(),
    total: decimalAmount,
    amountPaid: decimalAmount,
    balanceDue: decimalAmount,
  })
  .meta({ id: 'InvoicePayment' });
export type InvoicePayment = z.infer<typeof invoicePaymentSchema>;

export const invoiceCardSchema = z
  .object({
    invoiceId: z.string(),
    /** `not_synced`: LedgerSync has never seen this invoice (sync off, or not yet drained). */
    status: z.enum([...linkStatusSchema.options, 'not_synced']),
    quickbooks: z
      .object({ id: z.string(), number: z.string().nullable(), url: z.string() })
      .nullable()
      .describe('The linked QBO invoice, with a deep link into QuickBooks'),
    lastSyncedAt: isoDateTime.nullable(),
    /** Null until the invoice has synced once (no synced state to read it from). */
    payment: invoicePaymentSchema.nullable(),
    error: errorExplanationSchema.nullable(),
    exclusion: z.object({ reason: z.string(), explanation: z.string() }).nullable(),
    /** Set when the record was deleted on one side (R-OBJ-7). */
    deletedOn: z.enum(['hubspot', 'quickbooks']).nullable(),
    activity: z.array(activityEntrySchema),
    /** The portal's QuickBooks connection, so the card can say why nothing syncs. */
    connection: connectionStatusSchema,
    /** The portal's HubSpot installation: `needs_reauth` when LedgerSync must be installed again. */
    hubspotConnection: installationStatusSchema,
  })
  .meta({ id: 'InvoiceCard' });
export type InvoiceCard = z.infer<typeof invoiceCardSchema>;

/** `POST /api/v1/invoices/:invoiceId/resync` — queue the invoice for another sync pass. */
export const resyncResponseSchema = z.object({ queued: z.literal(true) }).meta({ id: 'ResyncResponse' });
