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

/**
 * What a client needs of a realm's budget. The in-process limiter below serves one process (unit
 * tests, the sandbox); a budget shared by every process implements the same.
 */
export interface RealmLimiter {
  /** Waits for budget, then returns the function to call once the answer has arrived. */
  acquire(kind: RequestKind): Promise<() => void>;
  /** Stops every request of the realm until `ms` from now (after a 429). */
  pause(ms: number): void;
}

/** Hands out the limiter of each realm. */
export interface RealmLimiters {
  forRealm(key: string): RealmLimiter;
}

/**
 * A request counts against the window from the moment it is sent until a minute after its
 * answer arrived: QBO stamps it somewhere in between, so stamping it at the answer can never
 * undercount, whatever the latency.
 */
interface Stamp {
  at: number;
  readonly batch: boolean;
}

export class RealmRateLimiter implements RealmLimiter {
  private stamps: Stamp[] = [];
  private active = 0;
  private pausedUntil = 0;
  private releaseWaiters: Array<() => void> = [];
  private admission: Promise<void> = Promise.resolve();

  constructor(
    readonly limits: RateLimits = QBO_RATE_LIMITS,
    private readonly time: LimiterTime = realTime,
  ) {}

  /** Waits for budget, then returns the function to call once the answer has arrived. */
  async acquire(kind: RequestKind): Promise<() => void> {
    // One admission at a time keeps the order fair (first come, first served).
    const turn = this.admission.then(() => this.admit(kind));
    this.admission = turn.then(
      () => undefined,
      () => undefined,
    );
    const stamp = await turn;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      stamp.at = this.time.now();
      this.active -= 1;
      const waiters = this.releaseWaiters;
      this.releaseWaiters = [];
      for (const wake of waiters) wake();
    };
  }

  /** Stops every request of the realm until `ms` from now (after a 429). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.time.now() + ms);
  }

  private async admit(kind: RequestKind): Promise<Stamp> {
    for (;;) {
      const wait = this.waitMs(kind);
      if (wait === 'release') {
        await new Promise<void>((resolve) => this.releaseWaiters.push(resolve));
      } else if (wait > 0) {
        await this.time.sleep(wait);
      } else {
        const stamp: Stamp = { at: Number.POSITIVE_INFINITY, batch: kind === 'batch' };
        this.stamps.push(stamp);
        this.active += 1;
        return stamp;
      }
    }
  }

  /** 0: go; a number: sleep that long; 'release': only an answer arriving can free budget. */
  private waitMs(kind: RequestKind): number | 'release' {
    if (this.active >= this.limits.concurrent) return 'release';
    const now = this.time.now();
    const from = now - this.limits.windowMs;
    this.stamps = this.stamps.filter((s) => s.at > from);
    let wait = Math.max(0, this.pausedUntil - now);
    const over = (stamps: Stamp[], limit: number): number | 'release' => {
      if (stamps.length < limit) return 0;
      const finished = stamps.filter((s) => Number.isFinite(s.at)).map((s) => s.at);
      // Freeing one slot needs the oldest finished stamps to expire; in-flight ones never do.
      const needed = stamps.length - limit + 1;
      if (finished.length < needed) return 'release';
      finished.sort((a, b) => a - b);
      return (finished[needed - 1] as number) - from + 1;
    };
    const all = over(this.stamps, this.limits.requestsPerWindow);
    if (all === 'release') return all;
    wait = Math.max(wait, all);
    if (kind === 'batch') {
      const batches = over(
        this.stamps.filter((s) => s.batch),
        this.limits.batchesPerWindow,
      );
      if (batches === 'release') return batches;
      wait = Math.max(wait, batches);
    }
    return wait;
  }
}

/** One limiter per realm per process, shared by every client of that realm. */
export class RealmLimiterRegistry implements RealmLimiters {
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
