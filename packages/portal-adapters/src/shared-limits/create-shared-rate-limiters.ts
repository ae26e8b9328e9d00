import type { DbClient } from '@ledgersync/db';
import type { RateLimits } from '@ledgersync/quickbooks';
import type { RateLimiters } from '../create-ports-for.ts';
import { type HubSpotLimits, SharedPortalLimiters } from './shared-portal-limiters.ts';
import { SharedRealmLimiters } from './shared-realm-limiters.ts';

export interface SharedRateLimitersOptions {
  readonly quickbooks?: RateLimits;
  readonly hubspot?: HubSpotLimits;
  /** How long a permit outlives a process that died holding it (defaults: QBO 150 s, HubSpot 30 s). */
  readonly leaseMs?: number;
  /** Longest wait between two takes while only a returned permit can free room (100 ms). */
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The rate limiters of every worker and server process together, kept in the database: each QBO
 * realm and each HubSpot portal has one budget, and a 429 seen by one process pauses them all.
 */
export function createSharedRateLimiters(
  db: DbClient,
  options: SharedRateLimitersOptions = {},
): RateLimiters {
  const common = {
    db,
    sleep: options.sleep ?? realSleep,
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  };
  return {
    quickbooks: new SharedRealmLimiters({
      ...common,
      ...(options.quickbooks ? { limits: options.quickbooks } : {}),
    }),
    hubspot: new SharedPortalLimiters({ ...common, ...(options.hubspot ? { limits: options.hubspot } : {}) }),
  };
}
