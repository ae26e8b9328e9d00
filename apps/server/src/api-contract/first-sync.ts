import { z } from 'zod';
import { directionSchema, isoDateTime } from './common.ts';

/** The objects a first sync takes (R-CON-7); invoices have the backfill instead (R-FLT-4). */
export const firstSyncObjectSchema = z.enum(['customer', 'product']).meta({ id: 'FirstSyncObject' });
export const sideSchema = z.enum(['hubspot', 'quickbooks']).meta({ id: 'Side' });

/** `GET /api/v1/first-syncs/estimate?object=…&direction=…` — the count shown before turning a rule on. */
export const firstSyncEstimateQuerySchema = z.object({
  object: firstSyncObjectSchema,
  /** The direction the admin is about to turn on; the rule's saved one (or both ways) when absent. */
  direction: directionSchema.exclude(['off']).optional(),
});
export const firstSyncEstimateSchema = z
  .object({
    sourceSide: sideSchema,
    /** Records of the object on the source side. */
    total: z.number().int(),
    /** Of those, the ones that match a record on the other side (email, SKU): linked, not created. */
    matches: z.number().int(),
    /** The others: created on the other side. */
    creates: z.number().int(),
  })
  .meta({ id: 'FirstSyncEstimate' });
export const firstSyncEstimatesSchema = z
  .object({ object: firstSyncObjectSchema, estimates: z.array(firstSyncEstimateSchema) })
  .meta({ id: 'FirstSyncEstimates' });

/** `POST /api/v1/first-syncs` — "Sync existing records" for a rule that is on. */
export const firstSyncInputSchema = z.object({ object: firstSyncObjectSchema }).strict();

/** One first sync with its progress: done and failed of total (R-CON-7). */
export const firstSyncRunSchema = z
  .object({
    id: z.string(),
    object: firstSyncObjectSchema,
    sourceSide: sideSchema,
    status: z.enum(['running', 'done', 'cancelled', 'failed']).meta({ id: 'FirstSyncStatus' }),
    total: z.number().int(),
    done: z.number().int(),
    /** Within `done`: records whose counterpart was already there (matched by email or SKU, or linked before). */
    linked: z.number().int(),
    /** Within `done`: records a filter or rule left out. */
    excluded: z.number().int(),
    failed: z.number().int(),
    /** 0..100; 0 until the total is counted. */
    percent: z.number(),
    /** Why a run stopped before its end (cancelled by a change of the rule, or failed). */
    error: z.string().nullable(),
    startedAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'FirstSyncRun' });
export const firstSyncRunListSchema = z
  .object({ runs: z.array(firstSyncRunSchema) })
  .meta({ id: 'FirstSyncRunList' });
export const firstSyncRunParamsSchema = z.object({ syncRunId: z.uuid() });
