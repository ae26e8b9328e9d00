import { type HubSpotFailure, isSecondlyLimit } from './hubspot-failure.ts';
import type { Budget } from './rate-limiter.ts';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** First backoff for 5xx and network failures; doubles per attempt, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 429s are waited out, not counted against `maxAttempts`, up to this many per call. */
  max429Waits: number;
  /**
   * An attempt HubSpot has not answered by then is abandoned and counts as a network failure
   * (retried like one): a stalled request must not hold a portal's drain for as long as it stalls.
   */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  max429Waits: 20,
  timeoutMs: 15_000,
};

export type RetryDecision =
  | { readonly kind: 'give_up' }
  | { readonly kind: 'wait_rate_limit'; readonly budget: Budget; readonly holdMs: number }
  | { readonly kind: 'backoff'; readonly delayMs: number };

/**
 * What to do after a failed attempt. A 429 says which budget ran out: the burst window
 * (`TEN_SECONDLY_ROLLING`) is held for one interval, search's secondly window for a second; a
 * daily limit is not waited out. 5xx and dropped connections back off exponentially.
 */
export function decideRetry(
  failure: HubSpotFailure,
  ctx: {
    attempt: number;
    waits429: number;
    budget: Budget;
    intervalMs: number;
    random: () => number;
    policy: RetryPolicy;
  },
): RetryDecision {
  const { policy } = ctx;
  if (failure.status === 429) {
    if (failure.policyName === 'DAILY' || ctx.waits429 >= policy.max429Waits) return { kind: 'give_up' };
    if (isSecondlyLimit(failure)) return { kind: 'wait_rate_limit', budget: 'search', holdMs: 1000 };
    return { kind: 'wait_rate_limit', budget: ctx.budget, holdMs: ctx.intervalMs };
  }
  const transient = failure.status === null || failure.status >= 500;
  if (!transient || ctx.attempt >= policy.maxAttempts) return { kind: 'give_up' };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (ctx.attempt - 1));
  return { kind: 'backoff', delayMs: Math.round(ceiling / 2 + (ctx.random() * ceiling) / 2) };
}
