import type { RouteContext } from '../../deps.ts';

/** Unauthenticated routes that start an OAuth flow (and store or bind a state): per IP and minute. */
const OAUTH_STARTS_PER_MINUTE = 20;

/** The route config of such a route: the server's per-IP limit, capped at a browser's pace. */
export const oauthStartLimit = (ctx: RouteContext) => ({
  rateLimit: { max: Math.min(ctx.config.rateLimitPerMinute, OAUTH_STARTS_PER_MINUTE), timeWindow: 60_000 },
});
