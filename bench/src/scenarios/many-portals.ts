import { syncingPortal } from '@ledgersync/test-world';
import { rateLimitFloor, sideTotals } from '../measure/floor.ts';
import { outboundMinimum } from '../measure/minimum-calls.ts';
import { median } from '../measure/percentiles.ts';
import { checkSides } from '../world/check-sides.ts';
import { mapLimit } from '../world/http.ts';
import { seedHubSpot } from '../world/seed-hubspot.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';
import { measureSync, type RunOptions } from './measure-sync.ts';
import { measuredAgainstFloor, type ScenarioResult } from './scenario-result.ts';

export interface ManyPortalsOptions extends RunOptions {
  readonly portals: number;
  /** Finalized HubSpot invoices per portal, all notified at once. */
  readonly burst: number;
  readonly perCallDelayMs: number;
}

/**
 * Scenario 4: P portals each get a burst of changes at the same moment. Each portal's limits are
 * its own (HubSpot per portal, QBO per realm), so the floor is one portal's burst; what the worker
 * adds is sharing itself fairly: the slowest portal's finish against the median.
 */
export async function manyPortals(world: BenchWorld, o: ManyPortalsOptions): Promise<ScenarioResult> {
  const shape = { invoices: o.burst, linesPerInvoice: 3, contacts: Math.min(5, o.burst), products: 3 };
  const portals = await mapLimit(Array.from({ length: o.portals }), 4, () => syncingPortal(world));
  const notices = await mapLimit(portals, 4, async (p) => ({
    portalId: p.portalId,
    side: 'hubspot' as const,
    object: 'invoice' as const,
    ids: await seedHubSpot(world.hubspotUrl, p.hubId, shape),
  }));
  const run = await measureSync(world, portals, notices, o);
  const finishes = [...run.perPortalMs.values()];
  const one = outboundMinimum(shape);
  const minimum = sideTotals(one);
  const floor = rateLimitFloor(one, world.limits, o.perCallDelayMs);
  const checks = await mapLimit(portals, 4, (p) => checkSides(world, p, o.burst));
  const failed = checks.filter((c) => !c.correct);
  const starved = portals.length - finishes.length;
  return {
    name: 'many portals',
    size: o.portals,
    ...measuredAgainstFloor(run, floor),
    minimumCalls: { hubspot: minimum.hubspot * o.portals, quickbooks: minimum.quickbooks * o.portals },
    correct: failed.length === 0 && starved === 0,
    detail:
      failed.length === 0 && starved === 0
        ? 'ok'
        : `${failed.length} portals wrong (${failed[0]?.detail}); ${starved} starved`,
    slowestToMedian: Math.round((Math.max(...finishes) / Math.max(1, median(finishes))) * 100) / 100,
  };
}
