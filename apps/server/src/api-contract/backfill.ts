import { z } from 'zod';
import { isoDateTime } from './common.ts';

/** `POST /api/v1/backfills` — an admin-started backfill of historical HubSpot invoices (R-FLT-4). */
export const backfillInputSchema = z
  .object({ from: isoDateTime, to: isoDateTime })
  .strict()
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), {
    message: 'from must be before to',
    path: ['from'],
  });

/** `GET /api/v1/backfills/:backfillId` — progress for the progress bar. */
export const backfillSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed', 'cancelled']),
  from: isoDateTime,
  to: isoDateTime,
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  /** 0..100; 0 while the total is still unknown. */
  percent: z.number(),
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
});
export const backfillParamsSchema = z.object({ backfillId: z.uuid() });
export const backfillListSchema = z.object({ backfills: z.array(backfillSchema) });

/** `GET /api/v1/exports/historical-invoices.csv?before=…` — historical HubSpot invoices as a QBO import CSV. */
export const exportQuerySchema = z.object({ before: isoDateTime.optional() });
