import type { BenchRateLimits } from './rate-limits.ts';

/** The fewest calls a scenario needs on each side, split by the limit each kind of call counts against. */
export interface MinimumCalls {
  /** QBO requests that are not batches (queries, reads). */
  readonly quickbooksRequests: number;
  /** QBO batch requests (each also counts once toward the per-minute limit). */
  readonly quickbooksBatches: number;
  /** HubSpot requests other than search. */
  readonly hubspotRequests: number;
  /** HubSpot search requests (they count toward both the search and the ten-second limit). */
  readonly hubspotSearches: number;
}

export interface Floor {
  /** Sustained-rate floor: the calls spread at exactly the allowed rate. */
  readonly floorMs: number;
  /** Burst floor: the first window's allowance is spent at once; a strict lower bound, often 0. */
  readonly burstFloorMs: number;
  readonly bySide: { readonly hubspot: number; readonly quickbooks: number };
}

const MINUTE = 60_000;

/**
 * The least time the rate limits allow for `calls`. The two sides are limited independently, so the
 * floor is the slower side. A fixed per-call delay adds the time those calls need at the allowed
 * concurrency (QBO caps it; HubSpot does not, so one round trip is its least latency cost).
 */
export function rateLimitFloor(calls: MinimumCalls, limits: BenchRateLimits, perCallDelayMs = 0): Floor {
  const q = limits.quickbooks;
  const h = limits.hubspot;
  const qboTotal = calls.quickbooksRequests + calls.quickbooksBatches;
  const hsTotal = calls.hubspotRequests + calls.hubspotSearches;
  const qboRate = Math.max(
    (qboTotal * MINUTE) / q.perMinute,
    (calls.quickbooksBatches * MINUTE) / q.batchPerMinute,
  );
  const hsRate = Math.max(
    (hsTotal * 10_000) / h.tenSecondly,
    (calls.hubspotSearches * 1_000) / h.searchPerSecond,
  );
  const qboLatency = Math.ceil(qboTotal / q.concurrent) * perCallDelayMs;
  const hsLatency = hsTotal > 0 ? perCallDelayMs : 0;
  const quickbooks = Math.max(qboRate, qboLatency);
  const hubspot = Math.max(hsRate, hsLatency);
  const burst = (n: number, perWindow: number, windowMs: number) =>
    n > 0 ? (Math.ceil(n / perWindow) - 1) * windowMs : 0;
  const burstFloorMs = Math.max(
    burst(qboTotal, q.perMinute, MINUTE),
    burst(calls.quickbooksBatches, q.batchPerMinute, MINUTE),
    burst(hsTotal, h.tenSecondly, 10_000),
    burst(calls.hubspotSearches, h.searchPerSecond, 1_000),
    qboLatency,
    hsLatency,
  );
  return { floorMs: Math.max(quickbooks, hubspot), burstFloorMs, bySide: { hubspot, quickbooks } };
}

export function sideTotals(calls: MinimumCalls): { hubspot: number; quickbooks: number } {
  return {
    hubspot: calls.hubspotRequests + calls.hubspotSearches,
    quickbooks: calls.quickbooksRequests + calls.quickbooksBatches,
  };
}
