import type { DbClient } from '@ledgersync/db';
import {
  QBO_RATE_LIMITS,
  type RateLimits,
  type RealmLimiter,
  type RealmLimiters,
  type RequestKind,
} from '@ledgersync/quickbooks';
import { SharedBudget } from './shared-budget.ts';

export interface SharedRealmLimitersOptions {
  readonly db: DbClient;
  readonly limits?: RateLimits;
  /** Longer than QBO's request timeout (2 minutes), so only a dead process's permits expire. */
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Each QBO realm's budget (calls and batches a minute, requests in flight) for every process. */
export class SharedRealmLimiters implements RealmLimiters {
  private readonly byRealm = new Map<string, RealmLimiter>();

  constructor(private readonly options: SharedRealmLimitersOptions) {}

  forRealm(realmId: string): RealmLimiter {
    let limiter = this.byRealm.get(realmId);
    if (!limiter) {
      const limits = this.options.limits ?? QBO_RATE_LIMITS;
      const budget = new SharedBudget({
        db: this.options.db,
        key: `qbo:${realmId}`,
        limits: {
          perWindow: limits.requestsPerWindow,
          batchesPerWindow: limits.batchesPerWindow,
          windowMs: limits.windowMs,
          concurrent: limits.concurrent,
          leaseMs: this.options.leaseMs ?? 150_000,
        },
        sleep: this.options.sleep,
        pollMs: this.options.pollMs ?? 100,
      });
      limiter = {
        acquire: (kind: RequestKind) => budget.acquire(kind === 'batch'),
        pause: (ms: number) => budget.pause(ms),
      };
      this.byRealm.set(realmId, limiter);
    }
    return limiter;
  }
}
