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
export const backfillSchema = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'running', 'done', 'failed', 'cancelled']).meta({ id: 'BackfillStatus' }),
    from: isoDateTime,
    to: isoDateTime,
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    /** 0..100; 0 while the total is still unknown. */
    percent: z.number(),
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Backfill' });
export const backfillParamsSchema = z.object({ backfillId: z.uuid() });
export const backfillListSchema = z
  .object({ backfills: z.array(backfillSchema) })
  .meta({ id: 'BackfillList' });

/** `GET /api/v1/exports/historical-invoices.csv?before=…` — historical HubSpot invoices as a QBO import CSV. */
export const exportQuerySchema = z.object({ before: isoDateTime.optional() });

/** `POST /api/v1/exports/historical-invoices/link?before=…` — a short-lived download URL the page opens. */
export const exportLinkSchema = z
  .object({
    url: z.string().describe('GET it without HubSpot headers; works for this portal only, until expiresAt'),
    expiresAt: isoDateTime,
  })
  .meta({ id: 'ExportLink' });

/** `GET /exports/:hubId/historical-invoices.csv?token=…` — the download the link points at. */
export const exportDownloadParamsSchema = z.object({
  hubId: z.string().regex(/^\d{1,18}$/, 'must be a hub id'),
});
export const exportDownloadQuerySchema = z.object({
  token: z.string().min(1, 'the link has no token').max(2048),
});
