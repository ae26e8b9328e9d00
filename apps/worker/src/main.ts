// The worker's only entry point: the one place that reads process.env.
import { createPrismaClient, createTokenCipher, loadEnv } from '@ledgersync/db';
import { pino } from 'pino';
import { workerEnvSchema } from './config.ts';
import { startWorker } from './create-worker.ts';
import { createAppPropertiesCare } from './tokens/app-properties-care.ts';
import { createWorkerOAuth } from './tokens/create-worker-oauth.ts';
import { createOAuthTokenRefresher } from './tokens/oauth-token-refresher.ts';
import { createAdapterPortsFor } from './wire-adapters.ts';

const env = loadEnv(workerEnvSchema, process.env);
const log = pino({ level: env.LOG_LEVEL, redact: ['*.accessToken', '*.refreshToken', '*.authorization'] });
const db = createPrismaClient(env.DATABASE_URL);
// One refresher for token care and the adapters' 401 path: its HubSpot refresh is single-flight.
const tokenRefresher = createOAuthTokenRefresher({
  db,
  cipher: createTokenCipher(env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_ACTIVE_KEY_ID),
  oauth: createWorkerOAuth(env),
  onFailure: (side, portalId, error) =>
    log.warn(
      { side, portalId, error: error instanceof Error ? error.message : 'unknown' },
      'token refresh failed',
    ),
});
const worker = await startWorker({
  databaseUrl: env.DATABASE_URL,
  db,
  concurrency: env.WORKER_CONCURRENCY,
  debounceMs: env.SYNC_DEBOUNCE_MS,
  pollEveryMinutes: Math.max(1, Math.round(env.POLL_INTERVAL_SECONDS / 60)),
  portsFor: createAdapterPortsFor(db, env, log, tokenRefresher.refreshHubSpotAfterRejection),
  tokenRefresher,
  appProperties: createAppPropertiesCare({
    db,
    cipher: createTokenCipher(env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_ACTIVE_KEY_ID),
    hubspotBaseUrl: env.HUBSPOT_API_BASE_URL,
    onUnauthorized: tokenRefresher.refreshHubSpotAfterRejection,
    onFailure: (portalId, error) =>
      log.warn(
        { portalId, error: error instanceof Error ? error.message : 'unknown' },
        'app properties not ensured',
      ),
  }),
  logFactory: (scope) => (level, message) => log[level === 'warning' ? 'warn' : level]({ scope }, message),
});
log.info({ concurrency: env.WORKER_CONCURRENCY }, 'worker started');

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
