import type { FastifyRequest } from 'fastify';
import type { AccessTokenRecord } from '../auth/token-store.ts';
import type { WriteSource } from '../crm/crm-event.ts';
import type { Portal } from '../crm/portal.ts';
import type { EmulatorState } from '../state.ts';
import { HubSpotError } from './hubspot-error.ts';

export interface ApiContext {
  portal: Portal;
  source: WriteSource;
  /** Undefined for a UI user, whom app scopes do not bind. */
  token?: AccessTokenRecord;
}

export const ACT_AS_USER_HEADER = 'x-emulator-act-as-user';
export const PORTAL_HEADER = 'x-emulator-portal-id';

const unauthenticated = (): HubSpotError =>
  new HubSpotError({
    status: 401,
    category: 'INVALID_AUTHENTICATION',
    message:
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  });

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.toLowerCase().startsWith('bearer ') ? h.slice(7).trim() : undefined;
}

function tokenRecord(state: EmulatorState, req: FastifyRequest): AccessTokenRecord | undefined {
  const token = bearer(req);
  if (token === undefined) return undefined;
  const record = state.tokens.access.get(token);
  if (!record || record.revoked) throw unauthenticated();
  const now = state.clock.now();
  if (record.expiresAt <= now) {
    const minutes = Math.max(1, Math.floor((now - record.expiresAt) / 60_000));
    throw new HubSpotError({
      status: 401,
      category: 'EXPIRED_AUTHENTICATION',
      message: `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
      context: { 'expire time': [new Date(record.expiresAt).toString()] },
    });
  }
  return record;
}

/** Who is calling: an installed app by its bearer token, or (emulator only) a UI user by header. */
export function authenticate(state: EmulatorState, req: FastifyRequest): ApiContext {
  const actAs = req.headers[ACT_AS_USER_HEADER];
  if (typeof actAs === 'string' && actAs !== '') {
    const record = bearer(req) === undefined ? undefined : tokenRecord(state, req);
    const portalId = record?.portalId ?? Number(req.headers[PORTAL_HEADER]);
    if (!Number.isFinite(portalId)) throw unauthenticated();
    return { portal: state.portal(portalId), source: { kind: 'ui', userId: Number(actAs) } };
  }
  const record = tokenRecord(state, req);
  if (!record) throw unauthenticated();
  return {
    portal: state.portal(record.portalId),
    source: { kind: 'app', appId: record.appId },
    token: record,
  };
}

/** 403 MISSING_SCOPES unless the token holds at least one of `anyOf`. */
export function requireScopes(ctx: ApiContext, anyOf: string[]): void {
  if (!ctx.token) return;
  const granted = ctx.token.scopes;
  if (anyOf.some((s) => granted.includes(s))) return;
  throw new HubSpotError({
    status: 403,
    category: 'MISSING_SCOPES',
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    errors: [
      {
        message: 'One or more of the following scopes are required.',
        context: { requiredGranularScopes: anyOf },
      },
    ],
    extra: { links: { scopes: 'https://developers.hubspot.com/scopes' } },
  });
}
