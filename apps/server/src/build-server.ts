import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createQueueSyncControl } from './adapters/queue-sync-control.ts';
import type { RouteContext, ServerDeps, ServerOptions } from './deps.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { hubspotRequestAuth } from './http/hubspot-request-auth.ts';
import { loggerOptions } from './http/logger-options.ts';
import { installRawJsonParser } from './http/raw-json-parser.ts';
import { refuseNulInUrls } from './http/refuse-nul-characters.ts';
import { trustProxyOption } from './http/trust-proxy.ts';
import { countApiCalls } from './metrics/count-api-calls.ts';
import { createServerMetrics } from './metrics/server-metrics.ts';
import { apiRoutes } from './routes/api/api-routes.ts';
import { exportDownloadRoute } from './routes/export/export-download-route.ts';
import { oauthRoutes } from './routes/oauth/oauth-routes.ts';
import { opsRoutes } from './routes/ops/ops-routes.ts';
import { webhookRoutes } from './routes/webhooks/webhook-routes.ts';

export type ServerApp = FastifyInstance;

/**
 * Every portal's `hubspot.fetch` calls arrive from HubSpot's few proxy addresses: limiting them by
 * IP would let one busy portal starve the others, so the UI API is limited per signed portal id
 * (an unsigned caller gains nothing: it is refused before any work). Everything else is per IP.
 */
function rateLimitKey(request: FastifyRequest): string {
  if (request.url.startsWith('/api/')) {
    const portal = /[?&]portalId=(\d{1,18})(?:&|$)/.exec(request.url)?.[1];
    if (portal) return `portal:${portal}`;
  }
  return `ip:${request.ip}`;
}

/**
 * The HTTP app: thin routes that validate, authorize and call packages. Everything it talks to is
 * injected, so tests build it against a test database, fake gateways and a fixed clock.
 */
export async function buildServer(deps: ServerDeps, options: ServerOptions = {}): Promise<ServerApp> {
  const app = Fastify({
    logger: loggerOptions(options.logger ?? false),
    bodyLimit: deps.config.bodyLimitBytes,
    // The client address comes from X-Forwarded-For only as far as TRUST_PROXY says: believing any
    // hop would let a client pick its own address, and with it a fresh rate-limit budget.
    trustProxy: trustProxyOption(deps.config.trustProxy ?? false),
  });
  const now = deps.clock ?? (() => new Date());
  const metrics = options.metrics ?? createServerMetrics(deps.db);
  const ctx: RouteContext = {
    db: deps.db,
    cipher: deps.cipher,
    config: deps.config,
    hubspot: countApiCalls(deps.hubspot, 'hubspot', metrics),
    quickbooks: countApiCalls(deps.quickbooks, 'quickbooks', metrics),
    syncControl: deps.syncControl ?? createQueueSyncControl(deps.db, deps.config.webhookDebounceMs, now),
    now,
    metrics,
  };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRawJsonParser(app, deps.config.bodyLimitBytes);
  refuseNulInUrls(app);
  installErrorHandler(app);
  await app.register(helmet, { global: true });
  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      max: deps.config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: rateLimitKey,
      // After authentication: an unsigned request naming a portal cannot spend that portal's budget.
      hook: 'preHandler',
    });
  }
  await app.register(swagger, {
    openapi: {
      info: { title: 'LedgerSync server', version: '1.0.0' },
      components: {
        securitySchemes: {
          hubspotSignature: { type: 'apiKey', in: 'header', name: 'X-HubSpot-Signature-v3' },
          metricsToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas named with `.meta({ id })` become components the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  // The API docs UI, served from the package's own files (no CDN): /docs, and the document as
  // /docs/json and /docs/yaml. staticCSP replaces helmet's policy on these pages with one that
  // allows exactly the UI's own scripts and styles.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    ctx.metrics.duration.observe({ route }, reply.elapsedTime / 1000);
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  opsRoutes(typed, ctx);
  webhookRoutes(typed, ctx);
  oauthRoutes(typed, ctx);
  exportDownloadRoute(typed, ctx);
  await typed.register(
    async (api) => {
      api.addHook('preValidation', hubspotRequestAuth(ctx));
      apiRoutes(api.withTypeProvider<ZodTypeProvider>(), ctx);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
