import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tokenResponse } from '../auth/token-store.ts';
import { apiRoute, type RouteEnv } from '../http/api-route.ts';
import { HubSpotError } from '../http/hubspot-error.ts';
import { authorizePage } from './authorize-page.ts';
import { OAuthError } from './oauth-errors.ts';
import { grantTokens, type TokenForm } from './token-grants.ts';

type Q = Record<string, string | undefined>;

export function oauthRoutes(app: FastifyInstance, env: RouteEnv): void {
  const { state } = env;
  const sendOAuth = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof OAuthError)) throw err;
    return reply.code(400).type('application/json').send(err.body());
  };

  const authorize = (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Q;
    const pinned = (req.params as { portalId?: string }).portalId;
    if (q.client_id !== state.app.clientId)
      return reply.code(400).type('text/html').send('<p>Unknown client_id</p>');
    if (!q.redirect_uri || !state.app.redirectUris.includes(q.redirect_uri)) {
      return reply.code(400).type('text/html').send('<p>redirect_uri is not registered for this app</p>');
    }
    const requested = (q.scope ?? '').split(/[ +]/).filter(Boolean);
    const optional = (q.optional_scope ?? '').split(/[ +]/).filter(Boolean);
    const target = new URL(q.redirect_uri);
    const unknown = requested.filter((s) => !state.app.scopes.includes(s));
    if (requested.length === 0 || unknown.length > 0) {
      target.searchParams.set('error', 'invalid_scope');
      target.searchParams.set('error_description', `scopes not configured for the app: ${unknown.join(' ')}`);
      return reply.redirect(target.toString());
    }
    let portalId = Number(pinned ?? q.portalId ?? Number.NaN);
    if (Number.isNaN(portalId) && q.auto === '1') {
      portalId = [...state.portals.keys()][0] ?? state.createPortal().settings.id;
    }
    if (Number.isNaN(portalId) || (q.approve === undefined && q.auto !== '1')) {
      const approve = (id: number) => {
        const u = new URL(`http://x${req.url}`);
        u.searchParams.set('portalId', String(id));
        u.searchParams.set('approve', '1');
        return `${u.pathname}${u.search}`;
      };
      return reply
        .type('text/html')
        .send(authorizePage(state.app.name, requested, [...state.portals.values()], approve));
    }
    state.portal(portalId);
    const code = state.tokens.newCode({
      portalId,
      userId: Number(q.userId ?? 1),
      scopes: [...requested, ...optional.filter((s) => state.app.scopes.includes(s))],
      redirectUri: q.redirect_uri,
      expiresAt: state.clock.now() + 10 * 60_000,
    });
    target.searchParams.set('code', code.code);
    if (q.state !== undefined) target.searchParams.set('state', q.state);
    return reply.redirect(target.toString());
  };
  app.get('/oauth/authorize', authorize);
  app.get('/oauth/:portalId/authorize', authorize);

  for (const path of ['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token']) {
    app.post(path, async (req, reply) => {
      try {
        return tokenResponse(grantTokens(state, (req.body ?? {}) as TokenForm));
      } catch (err) {
        return sendOAuth(reply, err);
      }
    });
  }

  const missing = (what: string) =>
    new HubSpotError({ status: 404, category: 'OBJECT_NOT_FOUND', message: `${what} not found` });

  app.get('/oauth/v1/access-tokens/:token', async (req) => {
    const t = state.tokens.access.get((req.params as { token: string }).token);
    if (!t || t.revoked) throw missing('access token');
    return {
      token: t.token,
      user: t.userEmail,
      hub_domain: state.portal(t.portalId).settings.domain,
      scopes: t.scopes,
      hub_id: t.portalId,
      app_id: t.appId,
      expires_in: Math.max(0, Math.floor((t.expiresAt - state.clock.now()) / 1000)),
      user_id: t.userId,
      token_type: 'access',
      is_private_distribution: false,
    };
  });

  app.get('/oauth/v1/refresh-tokens/:token', async (req) => {
    const t = state.tokens.refresh.get((req.params as { token: string }).token);
    if (!t || t.revoked) throw missing('refresh token');
    const hub_domain = state.portal(t.portalId).settings.domain;
    return {
      token: t.token,
      user: t.userEmail,
      hub_domain,
      scopes: t.scopes,
      hub_id: t.portalId,
      client_id: state.app.clientId,
      user_id: t.userId,
      token_type: 'refresh',
    };
  });

  app.delete('/oauth/v1/refresh-tokens/:token', async (req, reply) => {
    const t = state.tokens.refresh.get((req.params as { token: string }).token);
    if (!t) throw missing('refresh token');
    // Deleting a refresh token leaves issued access tokens and the install in place.
    t.revoked = true;
    return reply.code(204).send();
  });

  for (const v of ['v3', '2026-03'])
    app.post(`/oauth/${v}/token/introspect`, async (req, reply) => {
      const form = (req.body ?? {}) as TokenForm;
      if (form.client_id !== state.app.clientId || form.client_secret !== state.app.clientSecret) {
        return sendOAuth(
          reply,
          new OAuthError('invalid_client', 'BAD_CLIENT_ID', 'invalid client credentials'),
        );
      }
      const token = form.token ?? '';
      const access = state.tokens.access.get(token);
      const now = state.clock.now();
      if (access && !access.revoked && access.expiresAt > now) {
        const hub_domain = state.portal(access.portalId).settings.domain;
        return {
          active: true,
          app_id: access.appId,
          client_id: state.app.clientId,
          expires_in: Math.floor((access.expiresAt - now) / 1000),
          hub_id: access.portalId,
          hub_domain,
          is_private_distribution: false,
          scopes: access.scopes,
          token,
          token_type: 'bearer',
          token_use: 'access_token',
          user: access.userEmail,
          user_id: access.userId,
        };
      }
      const refresh = state.tokens.refresh.get(token);
      if (refresh && !refresh.revoked) {
        const hub_domain = state.portal(refresh.portalId).settings.domain;
        return {
          active: true,
          app_id: refresh.appId,
          client_id: state.app.clientId,
          hub_id: refresh.portalId,
          hub_domain,
          scopes: refresh.scopes,
          token,
          token_type: 'bearer',
          token_use: 'refresh_token',
          user: refresh.userEmail,
          user_id: refresh.userId,
        };
      }
      return { active: false };
    });

  for (const v of ['v3', '2026-03'])
    app.post(`/oauth/${v}/token/revoke`, async (req, reply) => {
      const form = (req.body ?? {}) as TokenForm;
      if (form.client_id !== state.app.clientId || form.client_secret !== state.app.clientSecret) {
        return sendOAuth(
          reply,
          new OAuthError('invalid_client', 'BAD_CLIENT_ID', 'invalid client credentials'),
        );
      }
      const token = form.token ?? '';
      const access = state.tokens.access.get(token);
      if (access) access.revoked = true;
      const refresh = state.tokens.refresh.get(token);
      if (refresh) refresh.revoked = true;
      // RFC 7009: revoking an unknown token is not an error.
      return reply.code(200).send();
    });

  // App uninstalls API: the app removes itself from the account its access token belongs to.
  // Every token of that install stops working at once, as on a user's uninstall.
  for (const v of ['v3', '2026-03'])
    app.delete(
      `/appinstalls/${v}/external-install`,
      apiRoute(
        env,
        (_req, reply, ctx) => {
          state.uninstall(ctx.portal.settings.id);
          return reply.code(204).send();
        },
        'exempt',
      ),
    );
}
