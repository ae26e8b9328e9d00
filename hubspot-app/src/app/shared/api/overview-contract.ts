import { z } from 'zod';
import { activityEntrySchema, syncObjectSchema } from './contract.ts';

// The overview and backfill half of the server's API contract (overview.ts, backfill.ts), re-declared.

export const overviewResponseSchema = z.object({
  objects: z.array(
    z.object({
      object: syncObjectSchema,
      synced: z.number(),
      pending: z.number(),
      failing: z.number(),
      excluded: z.number(),
    }),
  ),
  errors: z.array(z.object({ code: z.string(), title: z.string(), category: z.string(), count: z.number() })),
});
export type Overview = z.infer<typeof overviewResponseSchema>;

export const RECORD_COLUMNS = [
  'object',
  'status',
  'hubspotId',
  'quickbooksId',
  'displayNumber',
  'amount',
  'currency',
  'errorCode',
  'exclusionReason',
  'direction',
  'lastSyncedAt',
  'updatedAt',
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

export const recordPageSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ id: z.string() }).catchall(z.union([z.string(), z.null()]))),
});
export type RecordPage = z.infer<typeof recordPageSchema>;

export const activityResponseSchema = z.object({ activity: z.array(activityEntrySchema) });

export const backfillSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed', 'cancelled']),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  percent: z.number(),
});
export type Backfill = z.infer<typeof backfillSchema>;

/** R-FLT-4: `hubspot.fetch` cannot download a file; the backend hands out a short-lived link. */
export const exportLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type ExportLink = z.infer<typeof exportLinkSchema>;
