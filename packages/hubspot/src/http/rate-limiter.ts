/**
 * HubSpot's budgets for one installed portal, kept in this process: the rolling 10-second burst
 * window (its size learned from `X-HubSpot-RateLimit-*` headers) and search's own per-second
 * window. Calls wait for room instead of being sent into a 429.
 */
export type Budget = 'standard' | 'search';

export interface RateLimiterOptions {
  /** Burst budget before any header has told us the real one (HubSpot: 100–110 per 10 s for OAuth apps). */
  tenSecondly?: number;
  intervalMs?: number;
  searchPerSecond?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

class SlidingWindow {
  private readonly sent: number[] = [];
  blockedUntil = 0;
  constructor(
    public max: number,
    public windowMs: number,
  ) {}

  /** Milliseconds to wait before a call may go, or 0 after counting it. */
  tryTake(now: number): number {
    if (this.blockedUntil > now) return this.blockedUntil - now;
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
    if (this.sent.length < this.max) {
      this.sent.push(now);
      return 0;
    }
    return (this.sent[0] ?? now) + this.windowMs - now + 1;
  }

  /** The server counted `used` calls in its window; never believe we used fewer. */
  reconcile(used: number, now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
    while (this.sent.length < used) this.sent.push(now);
  }

  inWindow(): number {
    return this.sent.length;
  }
}

export class PortalRateLimiter {
  private readonly standard: SlidingWindow;
  private readonly search: SlidingWindow;
  constructor(private readonly options: RateLimiterOptions) {
    this.standard = new SlidingWindow(options.tenSecondly ?? 100, options.intervalMs ?? 10_000);
    this.search = new SlidingWindow(options.searchPerSecond ?? 4, 1000);
  }

  async acquire(budget: Budget): Promise<void> {
    const window = budget === 'search' ? this.search : this.standard;
    for (;;) {
      const wait = window.tryTake(this.options.now());
      if (wait === 0) return;
      await this.options.sleep(wait);
    }
  }

  /** Learns the burst budget from a response's headers (names are case-insensitive). */
  observe(headers: Readonly<Record<string, string>>): void {
    const h = lowerKeys(headers);
    const max = Number(h['x-hubspot-ratelimit-max']);
    const remaining = Number(h['x-hubspot-ratelimit-remaining']);
    const interval = Number(h['x-hubspot-ratelimit-interval-milliseconds']);
    if (Number.isFinite(interval) && interval > 0) this.standard.windowMs = interval;
    if (Number.isFinite(max) && max > 0) {
      this.standard.max = Math.min(max, this.options.tenSecondly ?? max);
      if (Number.isFinite(remaining)) this.standard.reconcile(max - remaining, this.options.now());
    }
    const secondly = Number(h['x-hubspot-ratelimit-secondly']);
    if (Number.isFinite(secondly) && secondly > 0) {
      this.search.max = Math.min(secondly, this.options.searchPerSecond ?? secondly);
    }
  }

  /** After a 429 the server's window is full whatever we counted: hold the budget for `ms`. */
  holdFor(budget: Budget, ms: number): void {
    const window = budget === 'search' ? this.search : this.standard;
    window.blockedUntil = Math.max(window.blockedUntil, this.options.now() + ms);
  }

  windowMs(budget: Budget): number {
    return budget === 'search' ? this.search.windowMs : this.standard.windowMs;
  }

  usedInWindow(budget: Budget): number {
    return budget === 'search' ? this.search.inWindow() : this.standard.inWindow();
  }
}

function lowerKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** One limiter per portal for the whole process, whichever client or job makes the call. */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, PortalRateLimiter>();
  constructor(private readonly options: RateLimiterOptions) {}
  forPortal(portalId: string): PortalRateLimiter {
    let limiter = this.limiters.get(portalId);
    if (!limiter) {
      limiter = new PortalRateLimiter(this.options);
      this.limiters.set(portalId, limiter);
    }
    return limiter;
  }
}
