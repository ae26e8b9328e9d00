import Fastify, { type FastifyInstance } from 'fastify';
import { controlRoutes } from './control/control-routes.ts';
import { FaultInjector } from './control/fault-injector.ts';
import { RequestLog } from './control/request-log.ts';
import type { RouteEnv } from './http/api-route.ts';
import { installBodyParsers, installErrorHandling } from './http/error-handler.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { oauthRoutes } from './oauth/oauth-routes.ts';
import type { HubSpotEmulatorOptions } from './options.ts';
import { associationBatchRoutes } from './routes/association-batch-routes.ts';
import { associationRoutes } from './routes/association-routes.ts';
import { batchRoutes } from './routes/batch-routes.ts';
import { objectRoutes } from './routes/object-routes.ts';
import { propertyRoutes } from './routes/property-routes.ts';
import { searchRoutes } from './search/search-routes.ts';
import { EmulatorState } from './state.ts';
import { webhookControlRoutes } from './webhooks/webhook-control-routes.ts';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

export interface HubSpotEmulatorHandle {
  state: EmulatorState;
  faults: FaultInjector;
  log: RequestLog;
  webhooks: WebhookDispatcher;
}

declare module 'fastify' {
  interface FastifyInstance {
    emulator: HubSpotEmulatorHandle;
  }
}

/** A local HubSpot: one Fastify instance serving the API paths, OAuth and `/_emulator/*`. */
export function createHubSpotEmulator(options: HubSpotEmulatorOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const state = new EmulatorState(options);
  const env: RouteEnv = { state, limiter: new RateLimiter(state) };
  installBodyParsers(app);
  installErrorHandling(app);
  oauthRoutes(app, env);
  // The SDK calls the classic v3 paths; HubSpot's current docs show the dated twins with the same semantics.
  for (const prefix of ['/crm/v3/objects', '/crm/objects/2026-03']) {
    searchRoutes(app, env, prefix);
    objectRoutes(app, env, prefix);
    batchRoutes(app, env, prefix);
  }
  propertyRoutes(app, env);
  associationRoutes(app, env);
  associationBatchRoutes(app, env);
  const faults = new FaultInjector();
  const log = new RequestLog();
  faults.install(app);
  log.install(app, state);
  const webhooks = new WebhookDispatcher(state);
  app.addHook('onClose', async () => webhooks.stop());
  if (options.controlApi !== false) {
    controlRoutes(app, env, { faults, log, reset: () => webhooks.reset() });
    webhookControlRoutes(app, state, webhooks);
  }
  app.decorate('emulator', { state, faults, log, webhooks });
  return app;
}
