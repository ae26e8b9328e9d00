import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { startTestWorld, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import type { ChildConfig } from './worker-child.ts';

// The child runs in this node with tsx's loader, not through the `tsx` command: that command is a
// wrapper that runs the script in a process of its own, so a SIGKILL sent to it killed only the
// wrapper and the "killed" worker lived on, finishing its drain and taking other tests' jobs.
const TSX_LOADER = new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));

/**
 * Worker processes against one e2e world, for the crash and scale tests: each test file gets its
 * own world (database and emulators), so a process killed in one file leaves nothing behind for
 * another. Call from the top level of a test file.
 */
export function useWorkerProcesses() {
  let world: TestWorld;
  const children = new Set<ChildProcess>();
  beforeAll(async () => {
    world = await startTestWorld();
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    children.clear();
  });
  afterAll(() => world.close());

  function configOf(p: TestPortal): ChildConfig {
    return {
      portalId: p.portalId,
      databaseUrl: world.databaseUrl,
      keys: world.keys,
      hubspotUrl: world.hubspotUrl,
      qboUrl: world.qboUrl,
    };
  }

  async function startChild(config: ChildConfig): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const ready = /ready (\d+)/.exec(chunk.toString());
        if (!ready) return;
        // A signal must reach the worker itself, not a launcher in front of it.
        if (Number(ready[1]) === child.pid) resolve();
        else reject(new Error(`worker runs as pid ${ready[1]}, not as the spawned process ${child.pid}`));
      });
      child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });
    return child;
  }

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });

  /** QBO requests that can write an invoice: a lone one goes to its endpoint, several in a batch. */
  async function qboInvoiceWrites(): Promise<number> {
    const response = await fetch(`${world.qboUrl}/_emulator/requests/counts`);
    const { counts } = (await response.json()) as { counts: Record<string, number> };
    return Object.entries(counts).reduce(
      (n, [k, v]) => (/^POST .*\/(invoice|batch)$/.test(k) ? n + v : n),
      0,
    );
  }

  const synced = async (p: TestPortal, hubspotInvoiceId: string) =>
    (await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })) === 0 &&
    (await world.db.recordLink.count({
      where: {
        portalId: p.portalId,
        hubspotId: hubspotInvoiceId,
        status: 'synced',
        quickbooksId: { not: null },
      },
    })) === 1;

  return {
    world: () => world,
    configOf,
    startChild,
    exited,
    qboInvoiceWrites,
    synced,
  };
}
