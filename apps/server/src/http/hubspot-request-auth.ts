import { createPortalRepository, type Portal } from '@ledgersync/db';
import { SIGNATURE_MAX_AGE_MS, verifyHubSpotSignatureV3 } from '@ledgersync/hubspot';
import type { FastifyRequest } from 'fastify';
import type { RouteContext } from '../deps.ts';
import { createReplayGuard } from '../security/replay-guard.ts';
import { forbidden, unauthorized } from './http-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set only by `hubspotRequestAuth`: the portal named by the signed query string. */
    portal?: Portal;
    hubspotUserId?: string;
  }
}

/** The full URL HubSpot signed: our public origin plus the path and query exactly as received. */
export function receivedUrl(ctx: RouteContext, request: FastifyRequest): string {
  return `${ctx.config.publicUrl}${request.raw.url ?? request.url}`;
}

/**
 * Guards every route the UI calls through `hubspot.fetch`: v3 signature over method, URL as
 * received, raw body and timestamp; the portal only from the signed query (`portalId`, never the
 * body); a state-changing request may not be replayed. Runs before body validation so an
 * unsigned request learns nothing about the schema.
 */
export function hubspotRequestAuth(ctx: RouteContext) {
  const replays = createReplayGuard(ctx.db, 2 * SIGNATURE_MAX_AGE_MS);
  const portals = createPortalRepository(ctx.db);
  return async (request: FastifyRequest): Promise<void> => {
    const header = (name: string) => {
      const v = request.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const signature = header('x-hubspot-signature-v3');
    const check = verifyHubSpotSignatureV3({
      method: request.method,
      url: receivedUrl(ctx, request),
      rawBody: request.rawBody ?? '',
      signature,
      timestamp: header('x-hubspot-request-timestamp'),
      clientSecret: ctx.config.hubspot.clientSecret,
      now: ctx.now().getTime(),
    });
    if (!check.ok) {
      const messages = {
        missing: 'The request is not signed by HubSpot',
        expired: 'The request signature has expired',
        mismatch: 'The request signature does not match',
      };
      throw unauthorized(`signature_${check.reason}`, messages[check.reason]);
    }
    if (request.method !== 'GET' && signature && !(await replays.firstUse(signature, ctx.now()))) {
      throw unauthorized('signature_replayed', 'This signed request was already used');
    }
    const query = new URL(receivedUrl(ctx, request)).searchParams;
    const appId = query.get('appId');
    if (appId !== null && appId !== ctx.config.hubspot.appId) {
      throw forbidden('wrong_app', 'The request was signed for another app');
    }
    const hubId = query.get('portalId') ?? '';
    if (!/^\d{1,18}$/.test(hubId)) throw forbidden('portal_missing', 'The signed request names no portal');
    const portal = await portals.findByHubId(BigInt(hubId));
    if (!portal || portal.uninstalledAt) {
      throw forbidden('portal_not_installed', 'LedgerSync is not installed in this HubSpot account');
    }
    request.portal = portal;
    const userId = query.get('userId');
    if (userId) request.hubspotUserId = userId;
  };
}

/** The authenticated portal of a request that passed `hubspotRequestAuth`. */
export function portalOf(request: FastifyRequest): Portal {
  if (!request.portal) throw new Error('route is missing hubspotRequestAuth');
  return request.portal;
}
