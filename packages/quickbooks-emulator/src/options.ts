import type { Clock } from './core/clock.ts';

export interface RateLimitOptions {
  /** Requests per minute per realm (Intuit: 500). */
  perMinute: number;
  /** Requests in flight at once per realm (Intuit: 10). */
  concurrent: number;
  /** Batch requests per minute per realm (Intuit: 40). */
  batchPerMinute: number;
  /** The window the per-minute counts apply to (Intuit: a minute); shorter for tests of a limiter. */
  windowMs: number;
}

export interface WebhookOptions {
  url: string;
  verifierToken?: string;
  format?: 'classic' | 'cloudevents';
  /** Events within this window go out in one delivery. */
  aggregationWindowMs?: number;
  /** Multiplies Intuit's retry schedule (0 s, 10 s, 20 s, 30 s, 5 min, …); 0.001 turns 10 s into 10 ms. */
  retryTimeScale?: number;
}

export interface QuickBooksEmulatorOptions {
  clock?: Clock;
  /** `false` turns rate limiting off; a partial object overrides the real values. */
  rateLimits?: Partial<RateLimitOptions> | false;
  webhooks?: WebhookOptions;
  /** The `/_emulator/` control API; on by default. */
  controlApi?: boolean;
  clientId?: string;
  clientSecret?: string;
  /** Allowed OAuth redirect URIs; empty means any. */
  redirectUris?: string[];
  /** Approve the OAuth consent page automatically (for tests). */
  autoApproveConsent?: boolean;
  /** Fastify's logger option. */
  logger?: boolean;
}

export const DEFAULT_CLIENT_ID = 'ABqboEmulatorClientId0000000000000000000000000000';
export const DEFAULT_CLIENT_SECRET = 'qboEmulatorClientSecret000000000000000000';
export const DEFAULT_VERIFIER_TOKEN = 'qbo-emulator-verifier-token';

export const REAL_RATE_LIMITS: RateLimitOptions = {
  perMinute: 500,
  concurrent: 10,
  batchPerMinute: 40,
  windowMs: 60_000,
};
