/**
 * HubSpot's budgets for one installed portal, kept in this process: the rolling 10-second burst
 * window (its size learned from `X-HubSpot-RateLimit-*` headers) and search's own per-second
 * window. Calls wait for room instead of being sent into a 429.
 */
export type Budget = 'standard' | 'search';

/**
 * What a client needs of a portal's budgets. The in-process limiter below serves one process (unit
 * tests, the sandbox); budgets shared by every process implement the same.
 */
export interface PortalLimiter {
  /** Waits for room in the budget; call the returned function when the answer has arrived. */
  acquire(budget: Budget): Promise<() => void>;
  /** Learns from a response's rate-limit headers. */
  observe(headers: Readonly<Record<string, string>>): void;
  /** After a 429: no call of the budget for `ms`. */
  holdFor(budget: Budget, ms: number): void;
  windowMs(budget: Budget): number;
}

/** Hands out the limiter of each portal. */
export interface PortalLimiters {
  forPortal(portalId: string): PortalLimiter;
}

export interface RateLimiterOptions {
  /** Burst budget before any header has told us the real one (HubSpot: 100–110 per 10 s for OAuth apps). */
  tenSecondly?: number;
  intervalMs?: number;
  searchPerSecond?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

interface Slot {
  at: number;
  done: boolean;
}

/**
 * HubSpot counts a call when it arrives, which is some time after we send it. A slot is therefore
 * stamped again when its answer comes back and only leaves the window one interval after that:
 * whatever the latency, a call that reuses the slot cannot land inside the server's window.
 */
class SlidingWindow {
  private slots: Slot[] = [];
  private waiters: (() => void)[] = [];
  blockedUntil = 0;
  constructor(
    public max: number,
    public windowMs: number,
  ) {}

  private prune(now: number): void {
    this.slots = this.slots.filter((s) => !s.done || s.at > now - this.windowMs);
  }

  /** A slot, or how to wait for one: a delay, or (all slots in flight) the next answer. */
  tryTake(now: number): Slot | { waitMs: number } | { waitRelease: Promise<void> } {
    if (this.blockedUntil > now) return { waitMs: this.blockedUntil - now };
    this.prune(now);
    if (this.slots.length < this.max) {
      const slot = { at: now, done: false };
      this.slots.push(slot);
      return slot;
    }
    const finished = this.slots.filter((s) => s.done).map((s) => s.at);
    if (finished.length === 0)
      return { waitRelease: new Promise<void>((resolve) => this.waiters.push(resolve)) };
    return { waitMs: Math.min(...finished) + this.windowMs - now + 1 };
  }

  release(slot: Slot, now: number): void {
    slot.at = Math.max(slot.at, now);
    slot.done = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** The server counted `used` calls in its window; never believe we used fewer. */
  reconcile(used: number, now: number): void {
    this.prune(now);
    while (this.slots.length < used) this.slots.push({ at: now, done: true });
  }

  inWindow(): number {
    return this.slots.length;
  }
}

export class PortalRateLimiter implements PortalLimiter {
  private readonly standard: SlidingWindow;
  private readonly search: SlidingWindow;
  constructor(private readonly options: RateLimiterOptions) {
    this.standard = new SlidingWindow(options.tenSecondly ?? 100, options.intervalMs ?? 10_000);
    this.search = new SlidingWindow(options.searchPerSecond ?? 4, 1000);
  }

  /** Waits for room in the budget; call the returned function when the answer has arrived. */
  async acquire(budget: Budget): Promise<() => void> {
    const window = budget === 'search' ? this.search : this.standard;
    for (;;) {
      const taken = window.tryTake(this.options.now());
      if ('done' in taken) return () => window.release(taken, this.options.now());
      if ('waitMs' in taken) await this.options.sleep(taken.waitMs);
      else await taken.waitRelease;
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
export class RateLimiterRegistry implements PortalLimiters {
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
