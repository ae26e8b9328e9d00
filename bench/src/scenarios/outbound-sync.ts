import { syncingPortal } from '@ledgersync/test-world';
import { rateLimitFloor, sideTotals } from '../measure/floor.ts';
import { outboundMinimum } from '../measure/minimum-calls.ts';
import { checkSides } from '../world/check-sides.ts';
import { seedHubSpot } from '../world/seed-hubspot.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';
import type { SyncScenarioOptions } from './inbound-initial-sync.ts';
import { measureSync } from './measure-sync.ts';
import { measuredAgainstFloor, type ScenarioResult } from './scenario-result.ts';

/** Scenario 2: N HubSpot invoices finalized after the sync start reach an empty QBO company. */
export async function outboundSync(world: BenchWorld, o: SyncScenarioOptions): Promise<ScenarioResult> {
  const shape = { invoices: o.size, linesPerInvoice: 3, contacts: Math.min(50, o.size), products: 10 };
  const p = await syncingPortal(world);
  const ids = await seedHubSpot(world.hubspotUrl, p.hubId, shape);
  const run = await measureSync(
    world,
    [p],
    [{ portalId: p.portalId, side: 'hubspot', object: 'invoice', ids }],
    o,
  );
  const minimum = outboundMinimum(shape);
  const floor = rateLimitFloor(minimum, world.limits, o.perCallDelayMs);
  const check = await checkSides(world, p, o.size);
  return {
    name: o.name ?? 'outbound',
    size: o.size,
    ...measuredAgainstFloor(run, floor),
    minimumCalls: sideTotals(minimum),
    correct: check.correct,
    detail: check.detail,
  };
}
