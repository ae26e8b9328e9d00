import type { BenchConfig } from './bench-config.ts';
import { REAL_RATE_LIMITS } from './measure/rate-limits.ts';
import { firstSyncScenario } from './scenarios/first-sync.ts';
import { inboundInitialSync } from './scenarios/inbound-initial-sync.ts';
import { manyPortals } from './scenarios/many-portals.ts';
import { outboundSync } from './scenarios/outbound-sync.ts';
import type { ScenarioResult } from './scenarios/scenario-result.ts';
import { steadyState } from './scenarios/steady-state.ts';
import { twoWorkers } from './scenarios/two-workers.ts';
import { type BenchWorld, startBenchWorld } from './world/start-bench-world.ts';

export type ScenarioKey =
  | 'inbound'
  | 'outbound'
  | 'steady'
  | 'portals'
  | 'scale'
  | 'first-sync'
  | 'two-workers';

/** Each scenario in a world of its own (fresh database and emulators), so none sees another's load. */
async function inWorld(
  c: BenchConfig,
  name: string,
  size: number,
  body: (w: BenchWorld) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const world = await startBenchWorld({ limits: REAL_RATE_LIMITS, perCallDelayMs: c.perCallDelayMs });
  try {
    return await body(world);
  } catch (error) {
    // A scenario that fails or times out is a row of the table, not the end of the run.
    return failed(name, size, error);
  } finally {
    await world.close();
  }
}

/** Runs the selected scenarios in order, reporting each result as it lands. */
export async function runScenarios(
  c: BenchConfig,
  keys: readonly ScenarioKey[],
  onResult: (r: ScenarioResult) => void = () => {},
): Promise<ScenarioResult[]> {
  const base = { perCallDelayMs: c.perCallDelayMs, concurrency: c.concurrency, timeoutMs: c.timeoutMs };
  const results: ScenarioResult[] = [];
  const add = (r: ScenarioResult) => {
    results.push(r);
    onResult(r);
  };
  for (const key of keys) {
    if (key === 'inbound')
      add(
        await inWorld(c, 'inbound initial sync', c.inbound, (w) =>
          inboundInitialSync(w, { ...base, size: c.inbound }),
        ),
      );
    if (key === 'outbound')
      add(await inWorld(c, 'outbound', c.outbound, (w) => outboundSync(w, { ...base, size: c.outbound })));
    if (key === 'steady')
      add(
        await inWorld(c, 'steady state', 0, (w) =>
          steadyState(w, { ...base, seconds: c.steadySeconds, ratePerSecond: c.steadyRate }),
        ),
      );
    if (key === 'portals')
      add(
        await inWorld(c, 'many portals', c.portals, (w) =>
          manyPortals(w, { ...base, portals: c.portals, burst: c.burst }),
        ),
      );
    if (key === 'first-sync')
      add(
        await inWorld(c, 'first sync', c.firstSync, (w) =>
          firstSyncScenario(w, { ...base, size: c.firstSync }),
        ),
      );
    if (key === 'two-workers')
      add(
        await inWorld(c, 'two workers', c.twoWorkers, (w) =>
          twoWorkers(w, { ...base, size: c.twoWorkers, waves: c.twoWorkersWaves }),
        ),
      );
    if (key === 'scale') {
      const sizes = c.scaleLarge ? [...c.scale, 8_000] : c.scale;
      for (const size of sizes)
        add(
          await inWorld(c, `scale: inbound ${size}`, size, (w) =>
            inboundInitialSync(w, { ...base, size, name: `scale: inbound ${size}` }),
          ),
        );
    }
  }
  return results;
}

function failed(name: string, size: number, error: unknown): ScenarioResult {
  const none = { hubspot: 0, quickbooks: 0 };
  return {
    name,
    size,
    wallMs: 0,
    floorMs: 0,
    burstFloorMs: 0,
    ratio: null,
    calls: none,
    minimumCalls: none,
    http429: 0,
    peakRssMb: 0,
    correct: false,
    detail: `failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}
