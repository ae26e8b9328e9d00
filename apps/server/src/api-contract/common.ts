import { ACTIVITY_KINDS, ERROR_CATEGORIES } from '@ledgersync/sync-engine';
import { z } from 'zod';
import { syncObjectSchema } from './engine-schemas.ts';

// The API contract the HubSpot UI (cards and settings page) is written against. Every route is
// called through `hubspot.fetch`, which signs it; the portal is never part of a request body.
// Schemas with an `id` are named components of the OpenAPI document; the UI's generated contract
// exports each under that name (`npm run contract:generate`).

export const linkStatusSchema = z
  .enum(['synced', 'pending', 'failed', 'excluded'])
  .meta({ id: 'LinkStatus' });
export const directionSchema = z
  .enum(['off', 'hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'two_way'])
  .meta({ id: 'Direction' });
export const conflictResolutionSchema = z.enum(['hubspot', 'quickbooks']).meta({ id: 'ConflictResolution' });
export const isoDateTime = z.iso.datetime({ offset: true });

/** The portal's QuickBooks connection as the settings page and the card show it. */
export const connectionStatusSchema = z
  .enum(['not_connected', 'connected', 'needs_reauth', 'disconnected'])
  .meta({ id: 'ConnectionStatus' });
/** The HubSpot installation: `needs_reauth` once HubSpot refused its refresh; syncs wait for a reinstall. */
export const installationStatusSchema = z.enum(['active', 'needs_reauth']).meta({ id: 'InstallationStatus' });

/** Every error the API returns: a stable code, a sentence for people, sometimes details. */
export const errorResponseSchema = z
  .object({
    error: z.string().describe('Stable machine code, e.g. `invalid_request`, `signature_expired`'),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'ErrorResponse' });

/** The engine's categories, and `unknown` for a stored code this version does not know. */
export const errorCategorySchema = z.enum([...ERROR_CATEGORIES, 'unknown']).meta({ id: 'ErrorCategory' });

/** An error as lists name it: its title and category (R-VIS-4); `code` only identifies it. */
export const errorSummarySchema = z
  .object({ code: z.string(), title: z.string(), category: errorCategorySchema })
  .meta({ id: 'ErrorSummary' });
export type ErrorSummary = z.infer<typeof errorSummarySchema>;

/** What an activity entry records; `unknown` for a stored action this version does not know. */
export const activityActionSchema = z.enum([...ACTIVITY_KINDS, 'unknown']).meta({ id: 'ActivityAction' });

export const decimalAmount = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');

/** An exact amount in a currency (R-OBJ-3: decimal strings, never floats). */
export const moneySchema = z
  .object({ amount: decimalAmount, currency: z.string().nullable() })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof moneySchema>;

/**
 * One line of a record's sync activity, newest first (R-VIS-6). The UI writes its sentence from
 * `object`, `action` and `direction`; an invoice's activity holds its payments' entries too.
 */
export const activityEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: isoDateTime,
    object: syncObjectSchema,
    action: activityActionSchema,
    direction: directionSchema,
    changedFields: z.array(z.string()).describe('The changed fields, by their labels'),
    error: errorSummarySchema.nullable(),
    /** Why the record was left out, in words (an exclusion's entry). */
    exclusion: z.string().nullable(),
    /** What happened this time (a failure's entry): names the fields, currencies, ids involved. */
    message: z.string().nullable(),
    /** A payment's entry: the payment's amount. */
    amount: moneySchema.nullable(),
  })
  .meta({ id: 'ActivityEntry' });
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** A failure as the card and the overview show it (R-VIS-4). */
export const errorExplanationSchema = z
  .object({
    code: z.string(),
    category: errorCategorySchema,
    title: z.string(),
    explanation: z.string(),
    fix: z.string(),
    /** What happened this time (names the fields, currencies, ids involved). */
    message: z.string().nullable(),
  })
  .meta({ id: 'ErrorExplanation' });
export type ErrorExplanation = z.infer<typeof errorExplanationSchema>;

export const standardErrors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
