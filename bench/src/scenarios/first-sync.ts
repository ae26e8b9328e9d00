import { createSyncSettingsRepository } from '@ledgersync/db';
import { setObjectSyncEnabled } from '@ledgersync/jobs';
import { rateLimitFloor, sideTotals } from '../measure/floor.ts';
import { firstSyncMinimum } from '../measure/minimum-calls.ts';
import { apiCalls, resetApiCalls } from '../world/api-calls.ts';
import { json } from '../world/http.ts';
import { spawnWorker } from '../world/spawn-worker.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';
import type { RunOptions } from './measure-sync.ts';
import { measuredAgainstFloor, type ScenarioResult } from './scenario-result.ts';

export interface FirstSyncScenarioOptions extends RunOptions {
  readonly size: number;
  readonly perCallDelayMs: number;
}

const SEED_CHUNK = 1_000;

/**
 * Scenario 6: N customers already in QBO, HubSpot empty; inbound contact sync is turned on (as the
 * server turns it on) and the clock runs from that moment to the first sync's last page.
 */
export async function firstSyncScenario(
  world: BenchWorld,
  o: FirstSyncScenarioOptions,
): Promise<ScenarioResult> {
  const p = await world.newPortal();
  for (let start = 0; start < o.size; start += SEED_CHUNK) {
    await json(`${world.qboUrl}/_emulator/realms/${p.realmId}/seed`, {
      body: {
        Customer: Array.from({ length: Math.min(SEED_CHUNK, o.size - start) }, (_, k) => ({
          DisplayName: `First Sync Customer ${start + k}`,
          GivenName: 'First',
          FamilyName: `Sync ${start + k}`,
          PrimaryEmailAddr: { Address: `fs${start + k}.${p.realmId}@bench.example` },
        })),
      },
    });
  }
  const worker = await spawnWorker(world, o);
  try {
    await resetApiCalls(world);
    const started = Date.now();
    await createSyncSettingsRepository(world.db).save(p.portalId, 'customer', {
      enabled: true,
      direction: 'quickbooks_to_hubspot',
    });
    await setObjectSyncEnabled(world.db, p.portalId, 'customer', true);
    let run = await world.db.syncRun.findFirstOrThrow({ where: { portalId: p.portalId } });
    while (run.status === 'running') {
      if (Date.now() - started > o.timeoutMs) throw new Error(`first sync not done after ${o.timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
      run = await world.db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    }
    const wallMs = (run.finishedAt ?? new Date()).getTime() - started;
    const made = await apiCalls(world, { hubIds: [p.hubId], realmIds: [p.realmId] });
    const minimum = firstSyncMinimum(o.size);
    const floor = rateLimitFloor(minimum, world.limits, o.perCallDelayMs);
    const links = await world.db.recordLink.count({
      where: { portalId: p.portalId, object: 'customer', status: 'synced', hubspotId: { not: null } },
    });
    const correct = run.status === 'done' && run.done === o.size && run.failed === 0 && links === o.size;
    return {
      name: 'first sync',
      size: o.size,
      ...measuredAgainstFloor(
        { ...made, wallMs, perPortalMs: new Map(), peakRssMb: worker.peakRssMb() },
        floor,
      ),
      minimumCalls: sideTotals(minimum),
      correct,
      detail: `run ${run.status}: ${run.done} done, ${run.failed} failed of ${run.total}, ${run.pages} pages; ${links} contacts linked`,
    };
  } finally {
    await worker.stop();
  }
}
