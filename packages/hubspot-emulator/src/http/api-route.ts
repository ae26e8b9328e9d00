import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorState } from '../state.ts';
import { type ApiContext, authenticate } from './api-context.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface RouteEnv {
  state: EmulatorState;
  limiter: RateLimiter;
}

export type ApiHandler = (req: FastifyRequest, reply: FastifyReply, ctx: ApiContext) => unknown;

/** Authenticates, applies rate limits and sets HubSpot's headers before the handler runs. */
export function apiRoute(
  env: RouteEnv,
  handler: ApiHandler,
  kind: 'standard' | 'search' | 'exempt' = 'standard',
) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const ctx = authenticate(env.state, req);
    req.portalId = ctx.portal.settings.id;
    reply.headers(env.limiter.check(ctx, kind));
    return handler(req, reply, ctx);
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    portalId?: number;
  }
}

/** Accepts both `properties=a&properties=b` (the SDK) and `properties=a,b` (curl users). */
export function listParam(query: unknown, name: string): string[] | undefined {
  const raw = (query as Record<string, unknown>)[name];
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  return values.flatMap((v) => String(v).split(',')).filter((v) => v !== '');
}

export function stringParam(query: unknown, name: string): string | undefined {
  const raw = (query as Record<string, unknown>)[name];
  if (raw === undefined) return undefined;
  return Array.isArray(raw) ? String(raw[0]) : String(raw);
}
