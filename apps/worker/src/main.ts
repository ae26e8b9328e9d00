// The worker's only entry point: the one place that reads process.env.
import { loadEnv } from '@ledgersync/config';
import { createPrismaClient, createTokenCipher } from '@ledgersync/db';
import { createPortsFor, createSharedRateLimiters } from '@ledgersync/portal-adapters';
import { pino } from 'pino';
import { createAppPropertiesCatchUp } from './app-properties/app-properties-catch-up.ts';
import { startWorker } from './create-worker.ts';
import { createWorkerMetrics } from './metrics/worker-metrics.ts';
import { startOpsServer } from './ops/ops-server.ts';
import { workerHealthChecks } from './ops/worker-health-checks.ts';
import { createOAuthClients } from './tokens/create-oauth-clients.ts';
import { createTokenRefresher } from './tokens/token-refresher.ts';
import { workerEnvSchema } from './worker-config.ts';

const env = loadEnv(workerEnvSchema, process.env);
const log = pino({ level: env.LOG_LEVEL, redact: ['*.accessToken', '*.refreshToken', '*.authorization'] });
const db = createPrismaClient(env.DATABASE_URL);
const metrics = createWorkerMetrics();
// One cipher for every reader and writer of tokens: any key of the keyring decrypts, the active one encrypts.
const cipher = createTokenCipher(env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_ACTIVE_KEY_ID);
// One refresher for the refresh-tokens task and the adapters' 401 path: its HubSpot refresh is single-flight.
const tokenRefresher = createTokenRefresher({
  db,
  cipher,
  oauth: createOAuthClients(env),
  onFailure: (side, portalId, error) =>
    log.warn(
      { side, portalId, error: error instanceof Error ? error.message : 'unknown' },
      'token refresh failed',
    ),
});
// In the database: each portal and realm has one budget however many jobs and processes run.
const rateLimiters = createSharedRateLimiters(db);
const worker = await startWorker({
  databaseUrl: env.DATABASE_URL,
  db,
  concurrency: env.WORKER_CONCURRENCY,
  debounceMs: env.SYNC_DEBOUNCE_MS,
  pollEveryMinutes:
    env.POLL_INTERVAL_SECONDS === 0 ? 0 : Math.max(1, Math.round(env.POLL_INTERVAL_SECONDS / 60)),
  portsFor: createPortsFor({
    db,
    cipher,
    hubspotApiBaseUrl: env.HUBSPOT_API_BASE_URL,
    qboApiBaseUrl: env.QBO_API_BASE_URL,
    rateLimiters,
    onHubSpotUnauthorized: tokenRefresher.refreshHubSpotAfterRejection,
    onUnusable: (portalId) =>
      log.warn({ portalId }, 'portal has no usable HubSpot installation or QBO connection'),
    onApiCall: metrics.recordApiCall,
  }),
  metrics,
  tokenRefresher,
  appProperties: createAppPropertiesCatchUp({
    db,
    cipher,
    hubspotBaseUrl: env.HUBSPOT_API_BASE_URL,
    rateLimiters: rateLimiters.hubspot,
    onUnauthorized: tokenRefresher.refreshHubSpotAfterRejection,
    onFailure: (portalId, error) =>
      log.warn(
        { portalId, error: error instanceof Error ? error.message : 'unknown' },
        'app properties not ensured',
      ),
  }),
  logFactory: (scope) => (level, message) => log[level === 'warning' ? 'warn' : level]({ scope }, message),
});
// Probes and Prometheus: only when WORKER_OPS_PORT is set (several workers on one host need one each).
const ops =
  env.WORKER_OPS_PORT === undefined
    ? null
    : await startOpsServer({
        host: env.WORKER_OPS_HOST,
        port: env.WORKER_OPS_PORT,
        registry: metrics.registry,
        metricsToken: env.METRICS_TOKEN,
        checks: workerHealthChecks(db, worker),
      });
log.info({ concurrency: env.WORKER_CONCURRENCY, opsPort: ops?.port ?? null }, 'worker started');

// Graceful shutdown: graphile-worker lets running jobs finish (or releases them to the queue);
// a notice is only marked processed after its results are stored, so nothing is lost either way.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping worker');
    worker
      .stop()
      .then(() => ops?.close())
      .then(() => db.$disconnect())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'worker stopped with an error');
          process.exit(1);
        },
      );
  });
}
