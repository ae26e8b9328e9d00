import type { DbClient } from '@ledgersync/db';
import type { Budget, PortalLimiter, PortalLimiters } from '@ledgersync/hubspot';
import { SharedBudget } from './shared-budget.ts';

export interface HubSpotLimits {
  /** Calls per burst window (HubSpot: 110 per 10 s for a public app; a margin below by default). */
  readonly perInterval: number;
  readonly intervalMs: number;
  /** Search calls per second (HubSpot: 5; a margin below by default). */
  readonly searchPerSecond: number;
}

export const HUBSPOT_LIMITS: HubSpotLimits = { perInterval: 100, intervalMs: 10_000, searchPerSecond: 4 };

export interface SharedPortalLimitersOptions {
  readonly db: DbClient;
  readonly limits?: HubSpotLimits;
  /** Longer than a HubSpot call's timeout (15 s), so only a dead process's permits expire. */
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Each HubSpot portal's burst and search budgets for every process. */
export class SharedPortalLimiters implements PortalLimiters {
  private readonly byPortal = new Map<string, PortalLimiter>();

  constructor(private readonly options: SharedPortalLimitersOptions) {}

  forPortal(portalId: string): PortalLimiter {
    let limiter = this.byPortal.get(portalId);
    if (!limiter) {
      limiter = this.create(portalId);
      this.byPortal.set(portalId, limiter);
    }
    return limiter;
  }

  private create(portalId: string): PortalLimiter {
    const { db, sleep } = this.options;
    const limits = this.options.limits ?? HUBSPOT_LIMITS;
    const leaseMs = this.options.leaseMs ?? 30_000;
    const pollMs = this.options.pollMs ?? 100;
    const budget = (key: string, perWindow: number, windowMs: number) =>
      new SharedBudget({
        db,
        key,
        limits: { perWindow, batchesPerWindow: perWindow, windowMs, concurrent: null, leaseMs },
        sleep,
        pollMs,
      });
    const budgets: Record<Budget, SharedBudget> = {
      standard: budget(`hubspot:${portalId}`, limits.perInterval, limits.intervalMs),
      search: budget(`hubspot-search:${portalId}`, limits.searchPerSecond, 1000),
    };
    return {
      acquire: (which) => budgets[which].acquire(false),
      // The limits are configuration, the same in every process; HubSpot's headers only confirm
      // them, and a 429 (held below for every process) is what corrects a wrong one.
      observe: () => undefined,
      holdFor: (which, ms) => budgets[which].pause(ms),
      windowMs: (which) => budgets[which].limits.windowMs,
    };
  }
}
