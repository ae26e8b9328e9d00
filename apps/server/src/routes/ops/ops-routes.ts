import { checkReadiness } from '@ledgersync/db';
import { healthReport } from '@ledgersync/ops';
import { z } from 'zod';
import type { RouteContext } from '../../deps.ts';
import { metricsAuth } from '../../http/metrics-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';

const health = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.string()) });
// Probes and scrapes come from inside the cluster at a steady rate: no rate limit on them.
const unlimited = { rateLimit: false } as const;

/** `/healthz` (the process answers), `/readyz` (database and job queue reachable), `/metrics` (bearer token). */
export function opsRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/healthz',
    { config: unlimited, schema: { tags: ['ops'], response: { 200: health } } },
    async () => ({ status: 'ok' as const, checks: { process: 'ok' } }),
  );

  app.get(
    '/readyz',
    { config: unlimited, schema: { tags: ['ops'], response: { 200: health, 503: health } } },
    async (_request, reply) => {
      const report = healthReport(await checkReadiness(ctx.db));
      return reply.code(report.status === 'ok' ? 200 : 503).send(report);
    },
  );

  app.get(
    '/metrics',
    {
      config: unlimited,
      preHandler: metricsAuth(ctx.config.metricsToken),
      schema: { tags: ['ops'], security: [{ metricsToken: [] }], response: { 200: z.string() } },
    },
    async (_request, reply) => {
      const text = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).send(text);
    },
  );
}
