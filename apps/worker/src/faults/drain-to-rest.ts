import { createPrismaSyncStore } from '@ledgersync/db';
import type { PortalPorts } from '@ledgersync/portal-adapters';
import { type DrainReport, drainPortal } from '@ledgersync/sync-engine';
import type { TestPortal, TestWorld } from '@ledgersync/test-world';
import { settled } from './convergence.ts';
import type { VirtualTime } from './virtual-time.ts';

export interface DrainTotals {
  passes: number;
  writes: number;
  /** Notices put back for a later retry (R-ERR-7: paused, never lost). */
  deferred: number;
  failures: number;
  connectionErrors: string[];
  /** Passes that threw (the worker's job would fail and be retried by graphile-worker). */
  thrown: string[];
}

/**
 * Drains the portal as the worker's sync job would, pass after pass; when nothing is due, virtual
 * time jumps past the retry backoff instead of waiting. Stops once settled or after `maxPasses`.
 */
export async function drainToRest(
  world: TestWorld,
  p: TestPortal,
  ports: PortalPorts,
  time: VirtualTime,
  maxPasses = 40,
): Promise<DrainTotals> {
  const store = createPrismaSyncStore(world.db, { now: time.clock.now });
  const totals: DrainTotals = {
    passes: 0,
    writes: 0,
    deferred: 0,
    failures: 0,
    connectionErrors: [],
    thrown: [],
  };
  while (totals.passes < maxPasses) {
    totals.passes += 1;
    let report: DrainReport;
    try {
      report = await drainPortal({ ...ports, store, clock: time.clock }, p.portalId, {
        backoffBaseMs: 1_000,
        backoffMaxMs: 60_000,
      });
    } catch (error) {
      // As a failed job: its claimed notices come back once their lease ends.
      totals.thrown.push(
        error instanceof Error ? error.message.split('\n').slice(-2).join(' ') : String(error),
      );
      time.advance(61_000);
      continue;
    }
    totals.writes += report.writes;
    totals.deferred += report.deferred;
    totals.failures += report.failures;
    if (report.connectionError)
      totals.connectionErrors.push(`${report.connectionError.side} ${report.connectionError.code}`);
    if (report.claimed === 0) {
      if (await settled(world, p)) return totals;
      time.advance(61_000);
    }
  }
  return totals;
}
