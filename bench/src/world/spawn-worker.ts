import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeFlagsOf } from '../../../scripts/production/programs.mjs';
import type { BenchWorld } from './start-bench-world.ts';

// The worker as the product runs it: its own entry point, configured by its environment.
const WORKER_MAIN = fileURLToPath(new URL('../../../apps/worker/src/main.ts', import.meta.url));
const WORKER_BUILD = fileURLToPath(new URL('../../../dist/worker.js', import.meta.url));

/** The worker from its TypeScript source (tsx), or from the production build (`npm run build`). */
export type WorkerProgram = 'source' | 'build';

function workerArgs(program: WorkerProgram): string[] {
  if (program === 'source') return ['--import', 'tsx', WORKER_MAIN];
  if (!existsSync(WORKER_BUILD)) throw new Error(`${WORKER_BUILD} is missing: run npm run build first`);
  return [...nodeFlagsOf('worker'), WORKER_BUILD];
}

export interface WorkerProcess {
  /** Peak resident set size of the worker process so far, in MB (Linux VmHWM). */
  peakRssMb(): number;
  /** Drains (`sync-portal` jobs) this process has completed, from its log. */
  drainsCompleted(): number;
  stop(): Promise<void>;
}

/** The worker's environment (.env.example) for the world's database, keys and emulators. */
function workerEnv(world: BenchWorld, concurrency: number): Record<string, string> {
  return {
    ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
    DATABASE_URL: world.databaseUrl,
    TOKEN_ENCRYPTION_KEYS: world.keys,
    HUBSPOT_CLIENT_ID: world.hubspotApp.clientId,
    HUBSPOT_CLIENT_SECRET: world.hubspotApp.clientSecret,
    HUBSPOT_API_BASE_URL: world.hubspotUrl,
    QBO_CLIENT_ID: world.quickbooksApp.clientId,
    QBO_CLIENT_SECRET: world.quickbooksApp.clientSecret,
    QBO_API_BASE_URL: world.qboUrl,
    QBO_TOKEN_BASE_URL: world.qboUrl,
    WORKER_CONCURRENCY: String(concurrency),
    // Drains start when the notices are stored; no poll adds calls to what is measured.
    SYNC_DEBOUNCE_MS: '0',
    POLL_INTERVAL_SECONDS: '0',
    LOG_LEVEL: 'info',
  };
}

/**
 * Starts the worker in a child Node process, so its peak RSS is its own (from source, tsx is an
 * import hook, so the pid is the worker's). Ready once it logs that it started.
 */
export async function spawnWorker(
  world: BenchWorld,
  o: { concurrency: number; worker: WorkerProgram },
): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, workerArgs(o.worker), {
    env: workerEnv(world, o.concurrency),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let drains = 0;
  let partial = '';
  // Read to the end either way (a full pipe would stall the worker); each line is one log record.
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines)
      if (line.includes('"msg":"Completed task') && line.includes('(sync-portal,')) drains += 1;
  });
  await new Promise<void>((resolve, reject) => {
    let ready = false;
    let tail = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready) return;
      tail = (tail + chunk.toString()).slice(-4_000);
      ready = tail.includes('"msg":"worker started"');
      if (ready) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bench worker exited early (${code}): ${tail}`)));
  });
  return {
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round((kb / 1024) * 10) / 10;
    },
    drainsCompleted: () => drains,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
