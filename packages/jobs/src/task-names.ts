// graphile-worker task identifiers: the worker registers one task under each name, and every
// enqueuer (server, worker, tests) uses the same constant. A queued job carries its task's name:
// graphile-worker 0.16 hands a worker only jobs whose task it registers, so a job whose name no
// worker registers stays queued for good, silently. Renaming a task therefore keeps the old name
// registered for one release (below).

/** Drains one portal's pending change notices. */
export const SYNC_PORTAL_TASK = 'sync-portal';
/** Cron: queues one `poll-portal` job per active portal. */
export const POLL_ALL_TASK = 'poll-all';
/** The safety net for lost webhooks: reads one portal's changes since its cursors. */
export const POLL_PORTAL_TASK = 'poll-portal';
/** An admin-started backfill of historical HubSpot invoices (R-FLT-4). */
export const BACKFILL_TASK = 'backfill-invoices';
/** One page of a first sync of existing records (R-CON-7); the next page is its own job. */
export const FIRST_SYNC_TASK = 'first-sync-page';
/** Cron: refreshes the HubSpot and QBO tokens that expire soon (R-CON-1). */
export const REFRESH_TOKENS_TASK = 'refresh-tokens';
/**
 * `refresh-tokens` under its name before this release: the worker still runs such jobs (a cron
 * run queued by a worker of the previous release during the deploy, or one waiting for a retry);
 * nothing enqueues it any more. Remove it in the next release.
 */
export const LEGACY_REFRESH_TOKENS_TASK = 'token-care';
/** Cron: creates the app-owned HubSpot properties of installations made before the current set. */
export const CATCH_UP_APP_PROPERTIES_TASK = 'catch-up-app-properties';
/** Cron: deletes expired OAuth states and served-signature records (nothing can use them any more). */
export const PURGE_EXPIRED_ROWS_TASK = 'purge-expired-rows';
