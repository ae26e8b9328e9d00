import { startTestWorld, type TestWorld } from '@ledgersync/test-world';
import type { BenchRateLimits } from '../measure/rate-limits.ts';

/** The test world with the emulators' rate limits on: what a scenario's floor is computed from. */
export interface BenchWorld extends TestWorld {
  readonly limits: BenchRateLimits;
}

export interface BenchWorldOptions {
  readonly limits: BenchRateLimits;
  /** Fixed delay added to every API call (not control calls), simulating real round trips. */
  readonly perCallDelayMs: number;
}

/** Both emulators on loopback with their rate limits on, a fresh migrated database, no worker yet. */
export async function startBenchWorld(options: BenchWorldOptions): Promise<BenchWorld> {
  const world = await startTestWorld({
    rateLimits: { hubspot: { ...options.limits.hubspot }, quickbooks: { ...options.limits.quickbooks } },
    perCallDelayMs: options.perCallDelayMs,
  });
  return { ...world, limits: options.limits };
}
