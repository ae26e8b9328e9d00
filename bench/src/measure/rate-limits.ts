/**
 * The limits the emulators enforce in a bench run. One object feeds both the emulators and the floor
 * computation, so the floor is always the floor of the limits actually in force.
 */
export interface BenchRateLimits {
  readonly quickbooks: {
    readonly perMinute: number;
    readonly batchPerMinute: number;
    readonly concurrent: number;
  };
  readonly hubspot: { readonly tenSecondly: number; readonly searchPerSecond: number };
}

/** The real values (QBO: per realm; HubSpot: per portal and app). */
export const REAL_RATE_LIMITS: BenchRateLimits = {
  quickbooks: { perMinute: 500, batchPerMinute: 40, concurrent: 10 },
  hubspot: { tenSecondly: 110, searchPerSecond: 5 },
};
