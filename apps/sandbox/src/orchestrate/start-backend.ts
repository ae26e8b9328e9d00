import { createPrismaClient, createTokenCipher, type Db } from '@ledgersync/db';
import { RateLimiterRegistry } from '@ledgersync/hubspot';
import { createPortsFor } from '@ledgersync/portal-adapters';
import { intuitEndpointsAt, RealmLimiterRegistry } from '@ledgersync/quickbooks';
import {
  buildServer,
  createHubSpotPackageGateway,
  createQuickBooksPackageGateway,
  type ServerApp,
  type ServerConfig,
} from '@ledgersync/server';
import { startWorker } from '@ledgersync/worker';
import type { Runner } from 'graphile-worker';
import { pino } from 'pino';
import type { SandboxPlan } from './sandbox-plan.ts';
import { SANDBOX_SCOPES } from './sandbox-scopes.ts';

export interface RunningBackend {
  db: Db;
  server: ServerApp;
  worker: Runner;
  /** Workers finish their jobs first, then the server stops taking requests. */
  close(): Promise<void>;
}

const KEY_ID = 'sandbox';

export function sandboxServerConfig(plan: SandboxPlan): ServerConfig {
  return {
    publicUrl: plan.urls.server,
    stateSigningSecret: plan.stateSigningSecret,
    hubspot: {
      appId: String(plan.hubspotApp.appId),
      clientId: plan.hubspotApp.clientId,
      clientSecret: plan.hubspotApp.clientSecret,
      authBaseUrl: plan.urls.hubspot,
      scopes: SANDBOX_SCOPES,
      // After install and QBO connect the admin lands on the preview's settings page.
      settingsUrl: `${plan.urls.preview}/settings?portalId={hubId}`,
      // The overview's record links land on the preview's record pages.
      recordUrl: `${plan.urls.preview}/record/{objectTypeId}/{recordId}`,
    },
    quickbooks: {
      clientId: plan.quickbooksApp.clientId,
      clientSecret: plan.quickbooksApp.clientSecret,
      webhookVerifierToken: plan.quickbooksApp.verifierToken,
      authBaseUrl: plan.urls.quickbooks,
      // The card's "open in QuickBooks" links land on the preview's QuickBooks view.
      appBaseUrl: `${plan.urls.preview}/quickbooks`,
    },
    // R-CON-8: the sandbox installs on a paid plan so that every feature can be tried.
    defaultPlanTier: 'professional',
    rateLimitPerMinute: 100_000,
    webhookDebounceMs: 300,
    bodyLimitBytes: 1_048_576,
  };
}

/** The real server and worker, in this process, on the sandbox's database. */
export async function startBackend(
  plan: SandboxPlan,
  databaseUrl: string,
  logLevel: string,
  embedded: boolean,
): Promise<RunningBackend> {
  const log = pino({ level: logLevel, redact: ['*.accessToken', '*.refreshToken', '*.authorization'] });
  // PGlite is one session behind its socket: fewer clients means fewer interleaved statements.
  const db = createPrismaClient(databaseUrl, { maxConnections: embedded ? 1 : 6 });
  const cipher = createTokenCipher(new Map([[KEY_ID, plan.tokenKey]]), KEY_ID);
  // One process serves the routes and the drains: one in-process budget per realm and per portal
  // for both (the database-kept ones would only add statements to PGlite's single session).
  const realmLimits = new RealmLimiterRegistry();
  const portalLimits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  const server = await buildServer(
    {
      db,
      cipher,
      config: sandboxServerConfig(plan),
      // The server's production gateways, pointed at the emulators.
      hubspot: createHubSpotPackageGateway({
        basePath: plan.urls.hubspot,
        clientId: plan.hubspotApp.clientId,
        clientSecret: plan.hubspotApp.clientSecret,
        redirectUri: `${plan.urls.server}/oauth/hubspot/callback`,
        now: Date.now,
        limiters: portalLimits,
      }),
      quickbooks: createQuickBooksPackageGateway({
        apiBaseUrl: plan.urls.quickbooks,
        clientId: plan.quickbooksApp.clientId,
        clientSecret: plan.quickbooksApp.clientSecret,
        redirectUri: `${plan.urls.server}/oauth/quickbooks/callback`,
        environment: 'sandbox',
        endpoints: intuitEndpointsAt(plan.urls.quickbooks),
        limiters: realmLimits,
      }),
    },
    { logger: { level: logLevel }, rateLimit: false },
  );
  await server.listen({ host: plan.host, port: plan.ports.server });
  const worker = await startWorker({
    databaseUrl,
    db,
    concurrency: embedded ? 1 : 2,
    debounceMs: 300,
    pollEveryMinutes: 1,
    pollIntervalMs: 500,
    portsFor: createPortsFor({
      db,
      cipher,
      hubspotApiBaseUrl: plan.urls.hubspot,
      qboApiBaseUrl: plan.urls.quickbooks,
      rateLimiters: {
        hubspot: portalLimits,
        quickbooks: realmLimits,
      },
      onUnusable: (portalId) =>
        log.warn({ portalId }, 'portal has no usable HubSpot installation or QBO connection'),
    }),
    logFactory: (scope) => (level, message) =>
      log[level === 'warning' ? 'warn' : level]({ scope: scope.label ?? 'worker' }, message),
  });
  return {
    db,
    server,
    worker,
    async close() {
      await worker.stop();
      await server.close();
      await db.$disconnect();
    },
  };
}
