import type { RateLimitOptions } from '../options.ts';

/** Intuit's per-realm throttles: requests per minute, batch requests per minute, concurrency. */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly recentBatch = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limits: RateLimitOptions | false) {}

  /** Returns true when the request may proceed (and counts it); false means 429. */
  admit(realmId: string, isBatch: boolean, nowMs: number): boolean {
    if (!this.limits) return true;
    const flying = this.inFlight.get(realmId) ?? 0;
    if (flying >= this.limits.concurrent) return false;
    const reqs = this.window(this.recent, realmId, nowMs);
    if (reqs.length >= this.limits.perMinute) return false;
    if (isBatch) {
      const batches = this.window(this.recentBatch, realmId, nowMs);
      if (batches.length >= this.limits.batchPerMinute) return false;
      batches.push(nowMs);
    }
    reqs.push(nowMs);
    this.inFlight.set(realmId, flying + 1);
    return true;
  }

  release(realmId: string): void {
    const n = this.inFlight.get(realmId) ?? 0;
    if (n > 0) this.inFlight.set(realmId, n - 1);
  }

  reset(): void {
    this.recent.clear();
    this.recentBatch.clear();
    this.inFlight.clear();
  }

  private window(map: Map<string, number[]>, realmId: string, nowMs: number): number[] {
    const windowMs = this.limits ? this.limits.windowMs : 0;
    const kept = (map.get(realmId) ?? []).filter((t) => nowMs - t < windowMs);
    map.set(realmId, kept);
    return kept;
  }
}
