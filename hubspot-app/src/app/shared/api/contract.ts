import { z } from 'zod';

// The backend API (apps/server/src/api-contract) as this app reads it. Re-declared rather
// than imported so no server code or engine can reach the extension bundle; only the fields the
// views use are checked, so additions on the server side do not break the UI.

export const syncObjectSchema = z.enum(['product', 'customer', 'invoice', 'payment']);
export type SyncObject = z.infer<typeof syncObjectSchema>;
export const directionSchema = z.enum(['off', 'hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'two_way']);
export type Direction = z.infer<typeof directionSchema>;
export const syncStatusSchema = z.enum(['synced', 'pending', 'failed', 'excluded']);
export type SyncStatus = z.infer<typeof syncStatusSchema>;
const isoDateTime = z.string();

/** R-VIS-4: a failure with its category, plain-words explanation and fix. */
export const syncFailureSchema = z.object({
  code: z.string(),
  category: z.string(),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  message: z.string().nullable(),
});
export type SyncFailure = z.infer<typeof syncFailureSchema>;

export const activityEntrySchema = z.object({
  id: z.string(),
  occurredAt: isoDateTime,
  action: z.string(),
  direction: directionSchema,
  changedFields: z.array(z.string()),
  errorCode: z.string().nullable(),
  message: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** `GET /api/v1/invoices/:invoiceId/card` (R-VIS-1). */
/** R-OBJ-5: the invoice's payment state as last synced; amounts are exact decimal strings. */
export const invoicePaymentSchema = z.object({
  state: z.enum(['draft', 'open', 'partially_paid', 'paid', 'voided']),
  currency: z.string(),
  total: z.string(),
  amountPaid: z.string(),
  balanceDue: z.string(),
});
export type InvoicePayment = z.infer<typeof invoicePaymentSchema>;

export const invoiceCardSchema = z.object({
  invoiceId: z.string(),
  status: z.enum(['synced', 'pending', 'failed', 'excluded', 'not_synced']),
  quickbooks: z.object({ id: z.string(), number: z.string().nullable(), url: z.string() }).nullable(),
  lastSyncedAt: isoDateTime.nullable(),
  payment: invoicePaymentSchema.nullable(),
  error: syncFailureSchema.nullable(),
  exclusion: z.object({ reason: z.string(), explanation: z.string() }).nullable(),
  deletedOn: z.enum(['hubspot', 'quickbooks']).nullable(),
  activity: z.array(activityEntrySchema),
  /**
   * The QuickBooks connection, so the card can say why nothing syncs. Optional here: without it the
   * card relies on a 409 `quickbooks_not_connected` / `quickbooks_needs_reauth`.
   */
  connection: z.enum(['connected', 'not_connected', 'needs_reauth', 'disconnected']).optional(),
  /** The HubSpot installation: `needs_reauth` once HubSpot refused LedgerSync's access. */
  hubspotConnection: z.enum(['active', 'needs_reauth']).optional(),
});
export type InvoiceCard = z.infer<typeof invoiceCardSchema>;

/** `POST /api/v1/invoices/:invoiceId/resync`. */
export const resyncResponseSchema = z.object({ queued: z.literal(true) });
