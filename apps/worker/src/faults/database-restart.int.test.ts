import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { createChangeIntake } from '@ledgersync/jobs';
import { syncingPortal, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { until } from '../e2e/fixtures.ts';
import { useWorkerProcesses } from '../e2e/worker-processes.ts';
import { drainStarted, measureConvergence, untilSettled } from './convergence.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import { restartDatabase } from './restart-database.ts';

const workers = useWorkerProcesses();
// Long enough that a job interrupted by the restart cannot record its failure until it is over.
const DOWN_MS = 2_000;
const converged = { duplicated: [], missing: [], pendingNotices: 0, unsyncedLinks: 0, failures: {} };

async function notify(world: TestWorld, p: TestPortal, data: Dataset, tag: string): Promise<void> {
  await createChangeIntake(world.db, { debounceMs: 0 }).record(
    data.notices.map((n) => ({
      portalId: p.portalId,
      side: n.side,
      object: n.object,
      recordId: n.recordId,
      eventId: `${tag}-${n.side}-${n.object}-${n.recordId}`,
    })),
  );
}

/** Settles, or fails at once if the worker process exits: it must recover without a restart of its own. */
async function settledBy(worker: ChildProcess, world: TestWorld, p: TestPortal): Promise<void> {
  const died = workers.exited(worker).then((code) => {
    throw new Error(`the worker process exited (${code ?? worker.signalCode}) after the database restart`);
  });
  died.catch(() => {}); // the race below reports it; the SIGTERM at the end is expected
  await Promise.race([untilSettled(world, p, 60_000), died]);
}

describe('database restart in the middle of a drain', () => {
  it('the database restarts mid-drain and again while idle: the same worker process finishes the drain and syncs a later change, nothing lost or doubled', async () => {
    const world = workers.world();
    const p = await syncingPortal(world);
    const data = await buildDataset(world, p, 30, 'db');
    const worker = await workers.startChild(workers.configOf(p));
    await notify(world, p, data, 'db');
    await until(() => drainStarted(world, p));

    // Every session is cut, the worker's pool, its LISTEN client, its liveness session and Prisma's.
    const midDrain = await restartDatabase(world.databaseUrl, DOWN_MS);
    expect(midDrain.sessionsCut).toBeGreaterThan(0);
    expect(midDrain.jobsRunning).toBeGreaterThan(0); // the drain was interrupted, or this proves nothing
    await settledBy(worker, world, p);
    expect(await measureConvergence(world, p, data)).toEqual(converged);

    // A restart while the worker is idle, then a new change: picked up by the same process.
    const idle = await restartDatabase(world.databaseUrl, DOWN_MS);
    expect(idle.sessionsCut).toBeGreaterThan(0);
    const later = await buildDataset(world, p, 6, 'db-later');
    await notify(world, p, later, 'db-later');
    await settledBy(worker, world, p);
    expect(await measureConvergence(world, p, later)).toEqual(converged);
    expect(await measureConvergence(world, p, data)).toEqual(converged);

    worker.kill('SIGTERM');
    expect(await workers.exited(worker)).toBe(0);
  }, 150_000);
});
