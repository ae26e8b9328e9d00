import type { TestPortal } from '@ledgersync/test-world';
import { type ApiCalls, apiCalls, resetApiCalls } from '../world/api-calls.ts';
import { type NoticeBatch, recordNotices, waitProcessed } from '../world/notices.ts';
import { spawnWorker, type WorkerProgram } from '../world/spawn-worker.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';

export interface SyncRun extends ApiCalls {
  /** From the first notice stored to the last one processed. */
  readonly wallMs: number;
  /** Per portal: from the first notice stored to that portal's last one processed. */
  readonly perPortalMs: ReadonlyMap<string, number>;
  readonly peakRssMb: number;
}

export interface RunOptions {
  readonly concurrency: number;
  readonly worker: WorkerProgram;
  readonly timeoutMs: number;
}

/**
 * Starts a fresh worker process for `portals`, stores the notices (what the webhooks would store),
 * and measures until every notice is processed. Seeding happens before, outside the measurement.
 */
export async function measureSync(
  world: BenchWorld,
  portals: readonly TestPortal[],
  notices: readonly NoticeBatch[],
  o: RunOptions,
): Promise<SyncRun> {
  const worker = await spawnWorker(world, o);
  try {
    await resetApiCalls(world);
    const started = Date.now();
    await recordNotices(world, notices);
    const done = await waitProcessed(
      world,
      portals.map((p) => p.portalId),
      o.timeoutMs,
    );
    const perPortalMs = new Map([...done].map(([id, at]) => [id, at - started]));
    const wallMs = Math.max(0, ...perPortalMs.values());
    const peakRssMb = worker.peakRssMb();
    const made = await apiCalls(world, {
      hubIds: portals.map((p) => p.hubId),
      realmIds: portals.map((p) => p.realmId),
    });
    return { ...made, wallMs, perPortalMs, peakRssMb };
  } finally {
    await worker.stop();
  }
}
