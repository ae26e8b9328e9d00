import { ERROR_CATEGORIES } from '@ledgersync/sync-engine';
import { z } from 'zod';

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

/** One line of a record's sync activity, newest first. */
export const activityEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: isoDateTime,
    action: z.string().describe('created, updated, skipped, failed, excluded, deleted_on_other_side, …'),
    direction: directionSchema,
    changedFields: z.array(z.string()),
    errorCode: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'ActivityEntry' });
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** The engine's categories, and `unknown` for a stored code this version does not know. */
export const errorCategorySchema = z.enum([...ERROR_CATEGORIES, 'unknown']).meta({ id: 'ErrorCategory' });

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
