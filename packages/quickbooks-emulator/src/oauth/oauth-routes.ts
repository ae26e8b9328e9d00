import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Emulator } from '../emulator.ts';
import { withTid } from '../http/respond.ts';
import { checkBasicAuth } from './client-auth.ts';
import { consentPage } from './consent-page.ts';

const authorizeQuery = z.object({
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  response_type: z.string().optional(),
  scope: z.string().optional(),
  state: z.string().optional(),
  realmId: z.string().optional(),
  decision: z.string().optional(),
});
type AuthorizeQuery = z.infer<typeof authorizeQuery>;

const tokenBody = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  refresh_token: z.string().optional(),
});

function oauthError(reply: FastifyReply, status: number, error: string, description?: string) {
  const body: Record<string, string> = { error };
  if (description) body.error_description = description;
  return withTid(reply).code(status).header('cache-control', 'no-store').send(body);
}

/** Intuit's OAuth 2.0 endpoints: authorize (consent), token (code, refresh) and revoke. */
export function oauthRoutes(app: FastifyInstance, emu: Emulator): void {
  const allowedRedirect = (uri: string) =>
    (emu.options.redirectUris ?? []).length === 0 || (emu.options.redirectUris ?? []).includes(uri);

  const approve = (q: AuthorizeQuery, reply: FastifyReply) => {
    const redirect = new URL(q.redirect_uri as string);
    if (q.decision === 'deny') {
      redirect.searchParams.set('error', 'access_denied');
    } else {
      const realm = q.realmId && emu.realm(q.realmId) ? emu.realm(q.realmId) : emu.createRealm();
      const realmId = realm?.id ?? '';
      redirect.searchParams.set(
        'code',
        emu.tokens.issueCode(realmId, q.redirect_uri as string, emu.now().getTime()),
      );
      redirect.searchParams.set('realmId', realmId);
    }
    if (q.state !== undefined) redirect.searchParams.set('state', q.state);
    return reply.redirect(redirect.toString(), 302);
  };

  const validate = (q: AuthorizeQuery, reply: FastifyReply): boolean => {
    if (q.client_id !== emu.clientId) {
      void oauthError(reply, 400, 'invalid_client', 'Unknown client_id');
      return false;
    }
    if (!q.redirect_uri || !URL.canParse(q.redirect_uri) || !allowedRedirect(q.redirect_uri)) {
      void oauthError(reply, 400, 'invalid_request', 'The redirect_uri is not registered for this app');
      return false;
    }
    if (q.response_type !== 'code') {
      void oauthError(reply, 400, 'unsupported_response_type');
      return false;
    }
    return true;
  };

  app.get('/connect/oauth2', (request, reply) => {
    const q = authorizeQuery.parse(request.query ?? {});
    if (!validate(q, reply)) return reply;
    if (emu.options.autoApproveConsent) return approve(q, reply);
    const realms = [...emu.state.realms.values()].map((r) => ({
      id: r.id,
      name: String(r.table('CompanyInfo').get('1')?.data.CompanyName ?? r.id),
    }));
    return reply.type('text/html; charset=utf-8').send(consentPage(q, realms));
  });

  app.get('/connect/oauth2/approve', (request, reply) => {
    const q = authorizeQuery.parse(request.query ?? {});
    if (!validate(q, reply)) return reply;
    return approve(q, reply);
  });

  app.post('/oauth2/v1/tokens/bearer', (request, reply) => {
    if (!checkBasicAuth(request.headers.authorization, emu.clientId, emu.clientSecret)) {
      return oauthError(reply, 401, 'invalid_client');
    }
    const parsed = tokenBody.safeParse(request.body ?? {});
    if (!parsed.success) return oauthError(reply, 400, 'invalid_request');
    const body = parsed.data;
    const nowMs = emu.now().getTime();
    if (body.grant_type === 'authorization_code') {
      if (!body.code) return oauthError(reply, 400, 'invalid_request', 'code is required');
      const tokens = emu.tokens.redeemCode(body.code, body.redirect_uri, nowMs);
      if (!tokens) return oauthError(reply, 400, 'invalid_grant');
      return withTid(reply).header('cache-control', 'no-store').send(tokens);
    }
    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) return oauthError(reply, 400, 'invalid_request', 'refresh_token is required');
      const tokens = emu.tokens.refreshWith(body.refresh_token, nowMs);
      if (!tokens) return oauthError(reply, 400, 'invalid_grant', 'Incorrect or invalid refresh token');
      return withTid(reply).header('cache-control', 'no-store').send(tokens);
    }
    return oauthError(reply, 400, 'unsupported_grant_type');
  });

  app.post('/v2/oauth2/tokens/revoke', (request, reply) => {
    if (!checkBasicAuth(request.headers.authorization, emu.clientId, emu.clientSecret)) {
      return oauthError(reply, 401, 'invalid_client');
    }
    const parsed = z.object({ token: z.string() }).safeParse(request.body ?? {});
    if (!parsed.success) return oauthError(reply, 400, 'invalid_request', 'token is required');
    emu.tokens.revoke(parsed.data.token);
    return withTid(reply).code(200).send('');
  });
}
