import { z } from 'zod';
import {
  activityEntrySchema,
  directionSchema,
  errorCategorySchema,
  isoDateTime,
  linkStatusSchema,
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
export const recordColumnSchema = z.enum(RECORD_COLUMNS).meta({ id: 'RecordColumn' });

/** `GET /api/v1/records` — the record view with filters, sorting, pages and chosen columns (R-VIS-3). */
export const recordQuerySchema = z.object({
  object: syncObjectSchema.optional(),
  status: linkStatusSchema.optional(),
  errorCode: z.string().max(64).optional(),
  direction: directionSchema.exclude(['off', 'two_way']).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  sort: z.enum(['updatedAt', 'lastSyncedAt', 'displayNumber', 'amount', 'status']).default('updatedAt'),
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
      return cols as (typeof RECORD_COLUMNS)[number][];
    }),
});

export const recordRowSchema = z
  .object({ id: z.string() })
  .catchall(z.union([z.string(), z.null()]))
  .describe('`id` plus the chosen columns; values are strings or null');

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
