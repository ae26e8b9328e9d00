import { syncingPortal } from '@ledgersync/test-world';
import { rateLimitFloor, sideTotals } from '../measure/floor.ts';
import { outboundMinimum } from '../measure/minimum-calls.ts';
import { apiCalls, resetApiCalls } from '../world/api-calls.ts';
import { checkSides } from '../world/check-sides.ts';
import { recordNotices, waitProcessed } from '../world/notices.ts';
import { peakUsageSeen } from '../world/peak-usage-seen.ts';
import { seedHubSpot } from '../world/seed-hubspot.ts';
import { spawnWorker } from '../world/spawn-worker.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';
import type { SyncScenarioOptions } from './inbound-initial-sync.ts';
import { ratioOf, type ScenarioResult } from './scenario-result.ts';

export interface TwoWorkersOptions extends SyncScenarioOptions {
  /** The invoices reach QBO in this many waves, each stored once the one before is drained. */
  readonly waves: number;
}

/**
 * Scenario 6: two worker processes on one portal and its realm. N HubSpot invoices go to QBO in
 * waves; each wave is its own drain, taken by whichever worker is free, so both spend the realm's
 * and the portal's budgets within one window. Reports the most calls in any window and the most
 * requests in flight the emulators saw, against the limits (QBO 500 and 40 batches a minute, 10 at
 * once; HubSpot 110 per 10 s).
 */
export async function twoWorkers(world: BenchWorld, o: TwoWorkersOptions): Promise<ScenarioResult> {
  const shape = { invoices: o.size, linesPerInvoice: 3, contacts: Math.min(50, o.size), products: 10 };
  const p = await syncingPortal(world);
  const ids = await seedHubSpot(world.hubspotUrl, p.hubId, shape);
  const workers = [await spawnWorker(world, o), await spawnWorker(world, o)];
  try {
    await resetApiCalls(world);
    const started = Date.now();
    const perWave = Math.ceil(ids.length / Math.max(1, o.waves));
    let finished = started;
    for (let from = 0; from < ids.length; from += perWave) {
      const wave = ids.slice(from, from + perWave);
      await recordNotices(world, [{ portalId: p.portalId, side: 'hubspot', object: 'invoice', ids: wave }]);
      const done = await waitProcessed(world, [p.portalId], o.timeoutMs);
      finished = Math.max(finished, done.get(p.portalId) ?? 0);
    }
    const scope = { hubIds: [p.hubId], realmIds: [p.realmId] };
    const made = await apiCalls(world, scope);
    const peaks = await peakUsageSeen(world, scope);
    const minimum = outboundMinimum(shape);
    const floor = rateLimitFloor(minimum, world.limits, o.perCallDelayMs);
    const check = await checkSides(world, p, o.size);
    const drains = workers.map((w) => w.drainsCompleted());
    const wallMs = finished - started;
    return {
      name: o.name ?? 'two workers',
      size: o.size,
      wallMs,
      floorMs: Math.round(floor.floorMs),
      burstFloorMs: Math.round(floor.burstFloorMs),
      ratio: ratioOf(wallMs, floor.floorMs),
      calls: made.calls,
      callsByRoute: made.byRoute,
      minimumCalls: sideTotals(minimum),
      http429: made.http429.hubspot + made.http429.quickbooks,
      peakRssMb: Math.max(...workers.map((w) => w.peakRssMb())),
      correct: check.correct,
      detail: `${check.detail}${check.detail ? '; ' : ''}drains per worker ${drains.join(' + ')}`,
      peaks,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
