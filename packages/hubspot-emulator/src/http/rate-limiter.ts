import type { EmulatorState } from '../state.ts';
import type { ApiContext } from './api-context.ts';
import { HubSpotError } from './hubspot-error.ts';

const TEN_SECONDS = 10_000;

/** HubSpot's burst limit (rolling 10 s per portal and app) and search's own per-second limit. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  constructor(private readonly state: EmulatorState) {}

  reset(): void {
    this.windows.clear();
  }

  /** Counts the call and returns the headers to send, or throws the 429 HubSpot would send. */
  check(ctx: ApiContext, kind: 'standard' | 'search' | 'exempt'): Record<string, string> {
    const limits = this.state.rateLimits;
    if (!limits || !ctx.token || kind === 'exempt') return {};
    const now = this.state.clock.now();
    const id = `${ctx.portal.settings.id}:${ctx.token.appId}`;
    if (kind === 'search') {
      // Search is exempt from the ten-secondly bucket and has its own secondly one.
      const used = this.hit(`search:${id}`, now, 1000, limits.searchPerSecond);
      if (used === undefined) throw limited('You have reached your secondly limit.', 'SECONDLY', id);
      return {};
    }
    const used = this.hit(`burst:${id}`, now, TEN_SECONDS, limits.tenSecondly);
    const headers = (remaining: number) => ({
      'x-hubspot-ratelimit-interval-milliseconds': String(TEN_SECONDS),
      'x-hubspot-ratelimit-max': String(limits.tenSecondly),
      'x-hubspot-ratelimit-remaining': String(remaining),
    });
    if (used === undefined) {
      const err = limited('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING', id);
      err.init.headers = headers(0);
      throw err;
    }
    return headers(limits.tenSecondly - used);
  }

  private hit(key: string, now: number, windowMs: number, max: number): number | undefined {
    const times = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= max) {
      this.windows.set(key, times);
      return undefined;
    }
    times.push(now);
    this.windows.set(key, times);
    return times.length;
  }
}

function limited(message: string, policyName: string, id: string): HubSpotError {
  return new HubSpotError({
    status: 429,
    category: 'RATE_LIMITS',
    message,
    extra: { errorType: 'RATE_LIMIT', policyName, groupName: `publicapi:oauth:${id}` },
  });
}
