import { z } from 'zod';
import {
  activityEntrySchema,
  directionSchema,
  errorCategorySchema,
  errorSummarySchema,
  isoDateTime,
  linkStatusSchema,
  moneySchema,
} from './common.ts';
import { syncObjectSchema } from './engine-schemas.ts';

/** `GET /api/v1/overview` — counts per object and per error code (R-VIS-2). */
export const overviewResponseSchema = z
  .object({
    objects: z.array(
      z.object({
        object: syncObjectSchema,
        synced: z.number().int(),
        pending: z.number().int(),
        failing: z.number().int(),
        excluded: z.number().int(),
      }),
    ),
    errors: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        category: errorCategorySchema,
        count: z.number().int(),
      }),
    ),
    /** HubSpot invoices left out for an Invoice source LedgerSync does not know (R-FLT-1), per source. */
    unknownInvoiceSources: z.object({
      count: z.number().int(),
      sources: z.array(z.object({ detail: z.string(), count: z.number().int() })),
    }),
  })
  .meta({ id: 'OverviewResponse' });

export const RECORD_COLUMNS = [
  'object',
  'status',
  'name',
  'hubspotRecord',
  'quickbooksRecord',
  'amount',
  'error',
  'exclusion',
  'direction',
  'lastSyncedAt',
  'updatedAt',
] as const;
export const recordColumnSchema = z.enum(RECORD_COLUMNS).meta({ id: 'RecordColumn' });
export type RecordColumn = z.infer<typeof recordColumnSchema>;

/** `GET /api/v1/records` — the record view with filters, sorting, pages and chosen columns (R-VIS-3). */
export const recordQuerySchema = z.object({
  object: syncObjectSchema.optional(),
  status: linkStatusSchema.optional(),
  errorCode: z.string().max(64).optional(),
  direction: directionSchema.exclude(['off', 'two_way']).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  sort: z.enum(['updatedAt', 'lastSyncedAt', 'name', 'amount', 'status']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  /** Comma-separated subset of RECORD_COLUMNS; `id` is always included. */
  columns: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [...RECORD_COLUMNS];
      const cols = v.split(',').map((c) => c.trim());
      const bad = cols.filter((c) => !(RECORD_COLUMNS as readonly string[]).includes(c));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown columns: ${bad.join(', ')}` });
        return z.NEVER;
      }
      return cols as RecordColumn[];
    }),
});

/** What names a record to a person (R-VIS-5): an invoice's number, a contact's name and email, a product's name and SKU. */
export const recordNameSchema = z
  .object({ object: syncObjectSchema, name: z.string().nullable(), detail: z.string().nullable() })
  .meta({ id: 'RecordName' });

/** A record on one side, with its page there. */
export const recordPageLinkSchema = z
  .object({ id: z.string(), url: z.string() })
  .meta({ id: 'RecordPageLink' });

/** `id` plus the chosen columns, each in its own shape. */
export const recordRowSchema = z
  .object({
    id: z.string(),
    object: syncObjectSchema.optional(),
    status: linkStatusSchema.optional(),
    name: recordNameSchema.optional(),
    hubspotRecord: recordPageLinkSchema.nullable().optional(),
    quickbooksRecord: recordPageLinkSchema.nullable().optional(),
    amount: moneySchema.nullable().optional(),
    error: errorSummarySchema.nullable().optional(),
    /** Why the record is left out, in words. */
    exclusion: z.string().nullable().optional(),
    direction: directionSchema.optional(),
    lastSyncedAt: isoDateTime.nullable().optional(),
    updatedAt: isoDateTime.optional(),
  })
  .meta({ id: 'RecordRow' });
export type RecordRow = z.infer<typeof recordRowSchema>;

export const recordPageSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    columns: z.array(recordColumnSchema),
    rows: z.array(recordRowSchema),
  })
  .meta({ id: 'RecordPage' });

export const recordParamsSchema = z.object({ recordId: z.uuid() });
export const activityResponseSchema = z
  .object({ activity: z.array(activityEntrySchema) })
  .meta({ id: 'ActivityResponse' });
