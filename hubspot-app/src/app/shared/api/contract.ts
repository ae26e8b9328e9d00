import { z } from 'zod';

// The backend API the card and the settings page read, as this app expects it. Re-declared here
// rather than imported from apps/server so no server code can reach the extension bundle; the
// shapes follow the engine's settings and error catalogue (packages/sync-engine).

export const syncObjectSchema = z.enum(['product', 'customer', 'invoice', 'payment']);
export type SyncObject = z.infer<typeof syncObjectSchema>;
export const directionSchema = z.enum(['hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'two_way']);
export type Direction = z.infer<typeof directionSchema>;
export const syncStatusSchema = z.enum(['synced', 'pending', 'failed', 'excluded']);
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export const connectionStatusSchema = z.enum(['connected', 'not_connected', 'needs_reauth']);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
export const errorCategorySchema = z.enum(['data', 'configuration', 'connection', 'transient']);
export type ErrorCategory = z.infer<typeof errorCategorySchema>;

export const syncFailureSchema = z.object({
  code: z.string(),
  category: errorCategorySchema,
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  message: z.string(),
});
export type SyncFailure = z.infer<typeof syncFailureSchema>;

export const activityEntrySchema = z.object({
  at: z.string(),
  direction: z.enum(['hubspot_to_quickbooks', 'quickbooks_to_hubspot']),
  summary: z.string(),
  changedFields: z.array(z.string()),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const invoiceSyncViewSchema = z.object({
  connection: connectionStatusSchema,
  record: z
    .object({
      status: syncStatusSchema,
      quickbooks: z.object({ docNumber: z.string(), url: z.string() }).nullable(),
      lastSyncedAt: z.string().nullable(),
      failure: syncFailureSchema.nullable(),
      exclusion: z.object({ reason: z.string(), explanation: z.string() }).nullable(),
    })
    .nullable(),
  activity: z.array(activityEntrySchema),
});
export type InvoiceSyncView = z.infer<typeof invoiceSyncViewSchema>;

export const acceptedSchema = z.object({ accepted: z.literal(true) });
