import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { tokenResponse } from '../auth/token-store.ts';
import type { RouteEnv } from '../http/api-route.ts';
import { validation } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { associationTypeRoutes } from './association-type-routes.ts';
import { type FaultInjector, FaultRule } from './fault-injector.ts';
import type { RequestLog } from './request-log.ts';
import { uiActionRoutes } from './ui-actions.ts';

const NewPortal = z.object({
  portalId: z.number().int().positive().optional(),
  tier: z.enum(['free', 'starter', 'professional', 'enterprise']).optional(),
  invoicePrefix: z.string().optional(),
  currency: z.string().length(3).optional(),
});

const NewToken = z.object({
  portalId: z.number().int(),
  scopes: z.array(z.string()).optional(),
  userId: z.number().int().optional(),
});

/** Test-only API: portals, tokens, reset, clock. Not part of HubSpot. */
export interface ControlExtras {
  faults: FaultInjector;
  log: RequestLog;
  reset: () => void;
}

export function controlRoutes(app: FastifyInstance, env: RouteEnv, extras: ControlExtras): void {
  app.post('/_emulator/reset', async () => {
    env.state.reset();
    env.limiter.reset();
    extras.faults.clear();
    extras.log.entries = [];
    extras.reset();
    return { ok: true };
  });

  app.post('/_emulator/portals', async (req, reply) => {
    const body = parseBody(NewPortal, req.body ?? {});
    if (body.portalId !== undefined && env.state.portals.has(body.portalId)) {
      throw validation(`Portal ${body.portalId} already exists`);
    }
    const p = env.state.createPortal(body);
    return reply.code(201).send({ portalId: p.settings.id, ...p.settings });
  });

  app.post('/_emulator/tokens', async (req) => {
    const body = parseBody(NewToken, req.body);
    const portal = env.state.portal(body.portalId);
    portal.installed = true;
    const userId = body.userId ?? 1;
    const pair = env.state.tokens.issue(
      {
        portalId: portal.settings.id,
        appId: env.state.app.appId,
        userId,
        userEmail: `user${userId}@${portal.settings.domain}`,
        scopes: body.scopes ?? env.state.app.scopes,
      },
      env.state.clock.now(),
    );
    return tokenResponse(pair);
  });

  app.post('/_emulator/portals/:portalId/uninstall', async (req, reply) => {
    env.state.uninstall(Number((req.params as { portalId: string }).portalId));
    return reply.code(204).send();
  });

  app.post('/_emulator/clock/advance', async (req) => {
    const body = parseBody(z.object({ ms: z.number().nonnegative() }), req.body);
    env.state.clock.advance(body.ms);
    return { now: new Date(env.state.clock.now()).toISOString() };
  });

  app.get('/_emulator/app', async () => {
    const { clientId, clientSecret, appId, redirectUris, scopes } = env.state.app;
    return { clientId, clientSecret, appId, redirectUris, scopes };
  });

  app.post('/_emulator/faults', async (req, reply) => {
    extras.faults.add(parseBody(FaultRule, req.body));
    return reply.code(201).send({ ok: true });
  });

  app.delete('/_emulator/faults', async (_req, reply) => {
    extras.faults.clear();
    return reply.code(204).send();
  });

  app.get('/_emulator/requests', async () => ({ requests: extras.log.entries }));
  app.get('/_emulator/requests/counts', async () => extras.log.counts());
  app.delete('/_emulator/requests', async (_req, reply) => {
    extras.log.entries = [];
    return reply.code(204).send();
  });

  uiActionRoutes(app, env);
  associationTypeRoutes(app, env);
}
