import { syncingPortal } from '@ledgersync/test-world';
import { rateLimitFloor, sideTotals } from '../measure/floor.ts';
import { inboundMinimum } from '../measure/minimum-calls.ts';
import { checkSides } from '../world/check-sides.ts';
import { seedQuickBooks } from '../world/seed-quickbooks.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';
import { measureSync, type RunOptions } from './measure-sync.ts';
import { measuredAgainstFloor, type ScenarioResult } from './scenario-result.ts';

export interface SyncScenarioOptions extends RunOptions {
  readonly size: number;
  readonly perCallDelayMs: number;
  readonly name?: string;
}

/** Scenario 1: N QBO invoices (3 lines, existing customers and items) reach an empty HubSpot. */
export async function inboundInitialSync(world: BenchWorld, o: SyncScenarioOptions): Promise<ScenarioResult> {
  const shape = { invoices: o.size, linesPerInvoice: 3, customers: Math.min(50, o.size), items: 10 };
  const p = await syncingPortal(world);
  const ids = await seedQuickBooks(world.qboUrl, p.realmId, p.incomeAccountId, shape);
  const run = await measureSync(
    world,
    [p],
    [{ portalId: p.portalId, side: 'quickbooks', object: 'invoice', ids }],
    o,
  );
  const minimum = inboundMinimum(shape);
  const floor = rateLimitFloor(minimum, world.limits, o.perCallDelayMs);
  const check = await checkSides(world, p, o.size);
  return {
    name: o.name ?? 'inbound initial sync',
    size: o.size,
    ...measuredAgainstFloor(run, floor),
    minimumCalls: sideTotals(minimum),
    correct: check.correct,
    detail: check.detail,
  };
}
