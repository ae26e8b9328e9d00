// A worker process for the crash tests: started with tsx, configured by one JSON argument, killed
// with SIGKILL or stopped with SIGTERM by the test. LS_WORKER_DEBUG=1 prints graphile-worker's log.
import { parseKeyring } from '@ledgersync/config';
import { createPrismaClient, createTokenCipher } from '@ledgersync/db';
import { createPortsFor, createSharedRateLimiters } from '@ledgersync/portal-adapters';
import { startWorker } from '../create-worker.ts';

export interface ChildConfig {
  /** The one portal this worker drains; other portals get no ports. */
  portalId: string;
  databaseUrl: string;
  /** The keyring the world stored its tokens with (TOKEN_ENCRYPTION_KEYS). */
  keys: string;
  hubspotUrl: string;
  qboUrl: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const keyring = parseKeyring(config.keys);
if (!keyring.ok) throw new Error(keyring.error);
const db = createPrismaClient(config.databaseUrl);
const portsFor = createPortsFor({
  db,
  cipher: createTokenCipher(keyring.keys),
  hubspotApiBaseUrl: config.hubspotUrl,
  qboApiBaseUrl: config.qboUrl,
  // As the worker runs: the budgets are shared with the other worker processes through the database.
  rateLimiters: createSharedRateLimiters(db),
  hubspotRetry: { baseDelayMs: 2, maxDelayMs: 20 },
});
const worker = await startWorker({
  databaseUrl: config.databaseUrl,
  db,
  concurrency: 2,
  debounceMs: 0,
  pollEveryMinutes: 0,
  pollIntervalMs: 100,
  claimLeaseMs: 2_000,
  ...(process.env.LS_WORKER_DEBUG
    ? {
        logFactory: (scope: unknown) => (level: string, message: string) =>
          process.stderr.write(
            `${new Date().toISOString()} [${process.pid} ${level}] ${message} ${JSON.stringify(scope)}\n`,
          ),
      }
    : {}),
  portsFor: async (portalId) => (portalId === config.portalId ? portsFor(portalId) : null),
});
process.stdout.write(`ready ${process.pid}\n`);
process.on('SIGTERM', () => {
  worker
    .stop()
    .then(() => db.$disconnect())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`worker stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
});
