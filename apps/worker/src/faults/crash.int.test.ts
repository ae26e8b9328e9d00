import { describe, expect, it } from '@jest/globals';
import { createChangeIntake } from '@ledgersync/jobs';
import { syncingPortal } from '@ledgersync/test-world';
import { until } from '../e2e/fixtures.ts';
import { useWorkerProcesses } from '../e2e/worker-processes.ts';
import { drainStarted, measureConvergence, settled, untilSettled } from './convergence.ts';
import { buildDataset } from './dataset.ts';
import { faultSizes } from './fault-sizes.ts';
import { seededRandom } from './random.ts';

const workers = useWorkerProcesses();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seeds = Array.from({ length: faultSizes.crashSeeds }, (_, i) => 101 + i);

describe('crash: SIGKILL at random instants during a sync of customers, invoices and payments', () => {
  it.each(seeds)(
    'seed %i: killed mid-sync and restarted, both sides end equal with every record exactly once',
    async (seed) => {
      const world = workers.world();
      const random = seededRandom(seed);
      const p = await syncingPortal(world);
      const data = await buildDataset(world, p, faultSizes.crashRecords, `s${seed}`);
      let worker = await workers.startChild(workers.configOf(p));
      await createChangeIntake(world.db, { debounceMs: 0 }).record(
        data.notices.map((n) => ({
          portalId: p.portalId,
          side: n.side,
          object: n.object,
          recordId: n.recordId,
          eventId: `crash-${seed}-${n.side}-${n.object}-${n.recordId}`,
        })),
      );
      let killedMidSync = 0;
      for (let k = 0; k < faultSizes.crashKillsPerSeed; k++) {
        // A random instant after a drain has claimed the notices.
        await until(() => drainStarted(world, p));
        await sleep(random.int(50, 1_500));
        worker.kill('SIGKILL');
        await workers.exited(worker);
        if (!(await settled(world, p))) killedMidSync += 1;
        // The restarted worker reaps the dead one's job and queue lock once it is 5 s old.
        await sleep(5_500);
        worker = await workers.startChild(workers.configOf(p));
      }
      await untilSettled(world, p, 60_000);
      const result = await measureConvergence(world, p, data);
      expect(result).toEqual({
        duplicated: [],
        missing: [],
        pendingNotices: 0,
        unsyncedLinks: 0,
        failures: {},
      });
      // Every kill landed before the sync was over, or the test proved nothing.
      expect(killedMidSync).toBe(faultSizes.crashKillsPerSeed);
      worker.kill('SIGTERM');
      expect(await workers.exited(worker)).toBe(0);
    },
    180_000,
  );
});
