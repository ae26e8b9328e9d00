// A worker process for the crash tests: started with tsx, configured by one JSON argument, killed
// with SIGKILL or stopped with SIGTERM by the test. LS_WORKER_DEBUG=1 prints graphile-worker's log.
import { createPrismaClient } from '@ledgersync/db';
import { QBO_RATE_LIMITS, RealmRateLimiter, staticAccessToken } from '@ledgersync/quickbooks';
import { buildPortalPorts } from '../adapters/build-portal-ports.ts';
import { createHubSpotClient, RateLimiterRegistry } from '../adapters/hubspot-adapter.ts';
import { startWorker } from '../create-worker.ts';

export interface ChildConfig {
  /** The one portal these adapters belong to; other portals get no ports. */
  portalId: string;
  databaseUrl: string;
  hubspotUrl: string;
  hubId: string;
  hubspotToken: string;
  qboUrl: string;
  realmId: string;
  qboToken: string;
  incomeAccountId: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const db = createPrismaClient(config.databaseUrl);
const limits = new RateLimiterRegistry({
  now: Date.now,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
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
  portsFor: async (portalId) =>
    portalId !== config.portalId
      ? null
      : buildPortalPorts({
          hubspot: createHubSpotClient({
            basePath: config.hubspotUrl,
            portalId: config.hubId,
            accessToken: async () => config.hubspotToken,
            rateLimiter: limits.forPortal(config.hubId),
            retry: { baseDelayMs: 2, maxDelayMs: 20 },
          }),
          quickbooks: {
            baseUrl: config.qboUrl,
            realmId: config.realmId,
            tokens: staticAccessToken(config.qboToken),
            limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
          },
          customLineItemIncomeAccountId: config.incomeAccountId,
          now: Date.now,
        }),
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
