// graphile-worker task identifiers: the worker registers one task under each name, and every
// enqueuer (server, worker, tests) uses the same constant, so a rename cannot strand queued jobs.

/** Drains one portal's pending change notices. */
export const SYNC_PORTAL_TASK = 'sync-portal';
/** Cron: queues one `poll-portal` job per active portal. */
export const POLL_ALL_TASK = 'poll-all';
/** The safety net for lost webhooks: reads one portal's changes since its cursors. */
export const POLL_PORTAL_TASK = 'poll-portal';
/** An admin-started backfill of historical HubSpot invoices (R-FLT-4). */
export const BACKFILL_TASK = 'backfill-invoices';
/** Cron: refreshes tokens ahead of expiry (R-CON-1). */
export const TOKEN_CARE_TASK = 'token-care';
