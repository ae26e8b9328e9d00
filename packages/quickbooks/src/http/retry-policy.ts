// How long to wait before trying a transient failure again.

export interface RetryPolicy {
  /** Attempts after the first one, for 5xx and network errors. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Pause of the whole realm after a 429 (Intuit asks for 60 s). */
  readonly throttleWaitMs: number;
  /** 429s tolerated for one request before it is reported as Throttled. */
  readonly maxThrottleRetries: number;
  /** Time after which a request is abandoned and counted as a network error. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  throttleWaitMs: 60_000,
  maxThrottleRetries: 5,
  timeoutMs: 120_000,
};

/**
 * Exponential backoff with jitter: between half and all of min(max, base·2^attempt), so that
 * clients failing together do not retry together, yet each one does wait.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
