// In-process budget of one realm (Intuit: 500 requests/min, 10 concurrent, 40 batch/min per
// realm and app). Requests queue here instead of provoking 429s; a 429 that still happens pauses
// the whole realm, since every request of that realm would be refused too.

export interface RateLimits {
  readonly requestsPerWindow: number;
  readonly batchesPerWindow: number;
  readonly concurrent: number;
  readonly windowMs: number;
}

export const QBO_RATE_LIMITS: RateLimits = {
  requestsPerWindow: 500,
  batchesPerWindow: 40,
  concurrent: 10,
  windowMs: 60_000,
};

export interface LimiterTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: LimiterTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type RequestKind = 'request' | 'batch';

export class RealmRateLimiter {
  private readonly requests: number[] = [];
  private readonly batches: number[] = [];
  private active = 0;
  private pausedUntil = 0;
  private readonly slotWaiters: Array<() => void> = [];
  private admission: Promise<void> = Promise.resolve();

  constructor(
    readonly limits: RateLimits = QBO_RATE_LIMITS,
    private readonly time: LimiterTime = realTime,
  ) {}

  /** Waits for budget, then returns the function that gives the concurrency slot back. */
  async acquire(kind: RequestKind): Promise<() => void> {
    // One admission at a time keeps the order fair (first come, first served).
    const turn = this.admission.then(() => this.admit(kind));
    this.admission = turn.catch(() => undefined);
    await turn;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.slotWaiters.shift()?.();
    };
  }

  /** Stops every request of the realm until `ms` from now (after a 429). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.time.now() + ms);
  }

  private async admit(kind: RequestKind): Promise<void> {
    for (;;) {
      if (this.active >= this.limits.concurrent) {
        await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
        continue;
      }
      const wait = this.waitMs(kind);
      if (wait > 0) {
        await this.time.sleep(wait);
        continue;
      }
      const at = this.time.now();
      this.requests.push(at);
      if (kind === 'batch') this.batches.push(at);
      this.active += 1;
      return;
    }
  }

  private waitMs(kind: RequestKind): number {
    const now = this.time.now();
    const from = now - this.limits.windowMs;
    drop(this.requests, from);
    drop(this.batches, from);
    let wait = Math.max(0, this.pausedUntil - now);
    if (this.requests.length >= this.limits.requestsPerWindow) {
      wait = Math.max(wait, (this.requests[0] as number) - from + 1);
    }
    if (kind === 'batch' && this.batches.length >= this.limits.batchesPerWindow) {
      wait = Math.max(wait, (this.batches[0] as number) - from + 1);
    }
    return wait;
  }
}

function drop(times: number[], from: number): void {
  while (times.length > 0 && (times[0] as number) <= from) times.shift();
}

/** One limiter per realm per process, shared by every client of that realm. */
export class RealmLimiterRegistry {
  private readonly byRealm = new Map<string, RealmRateLimiter>();
  constructor(
    private readonly limits: RateLimits = QBO_RATE_LIMITS,
    private readonly time: LimiterTime = realTime,
  ) {}
  forRealm(key: string): RealmRateLimiter {
    let limiter = this.byRealm.get(key);
    if (!limiter) {
      limiter = new RealmRateLimiter(this.limits, this.time);
      this.byRealm.set(key, limiter);
    }
    return limiter;
  }
}

export const processRealmLimiters = new RealmLimiterRegistry();
