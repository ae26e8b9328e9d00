import { createHubSpotInstallationRepository, createPortalRepository, inTransaction } from '@ledgersync/db';
import { APP_PROPERTIES_VERSION } from '@ledgersync/hubspot';
import { schedulePortalSync } from '@ledgersync/jobs';
import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import type { StateStore } from '../../security/signed-state.ts';
import { assertAuthorized, callbackQuerySchema, invalidState } from './callback-query.ts';
import { oauthErrorPages } from './oauth-error-page.ts';
import { hubspotRedirectUri } from './redirect-uris.ts';

const tags = ['oauth'];

/** R-CON-1: marketplace install through HubSpot OAuth, landing on the app's settings page. */
export function hubspotInstallRoutes(app: TypedApp, ctx: RouteContext, states: StateStore): void {
  app.get(
    '/oauth/hubspot/install',
    {
      schema: {
        tags,
        description: 'Redirects to HubSpot to install the app',
        response: { 302: errorResponseSchema.optional() },
      },
    },
    async (_request, reply) => {
      const state = await states.issue({ provider: 'hubspot', portalId: null, userId: null }, ctx.now());
      const url = new URL(`${ctx.config.hubspot.authBaseUrl}/oauth/authorize`);
      url.searchParams.set('client_id', ctx.config.hubspot.clientId);
      url.searchParams.set('redirect_uri', hubspotRedirectUri(ctx));
      url.searchParams.set('scope', ctx.config.hubspot.scopes.join(' '));
      url.searchParams.set('state', state);
      return reply.redirect(url.toString(), 302);
    },
  );

  app.get(
    '/oauth/hubspot/callback',
    {
      onSend: oauthErrorPages,
      schema: {
        tags,
        querystring: callbackQuerySchema,
        response: { 302: errorResponseSchema.optional(), 400: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const code = assertAuthorized(request.query);
      const claims = await states.consume(request.query.state, 'hubspot', ctx.now());
      if (!claims) throw invalidState();
      const grant = await ctx.hubspot.exchangeCode(code);
      const info = await ctx.hubspot.introspect(grant.accessToken);
      const now = ctx.now();
      const installations = createHubSpotInstallationRepository(ctx.db, ctx.cipher);
      const portal = await inTransaction(ctx.db, async (tx) => {
        const p = await createPortalRepository(ctx.db).upsertInstalled(
          BigInt(info.hubId),
          now,
          undefined,
          tx,
        );
        // A new install clears `needs_reauth` (HubSpot had refused the old grant's refresh). The
        // property set is recorded only once ensured below; until then the worker would catch it up.
        await installations.saveInstall(
          p.id,
          {
            accessToken: grant.accessToken,
            refreshToken: grant.refreshToken,
            accessTokenExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000),
            scopes: info.scopes,
          },
          { ...(info.userId ? { installedByUserId: info.userId } : {}), appPropertiesVersion: 0 },
          tx,
        );
        // Notices that waited while the installation needed re-authorizing are drained now, not
        // only when the next change arrives.
        if ((await tx.changeNotice.count({ where: { portalId: p.id, processedAt: null } })) > 0)
          await schedulePortalSync(tx, p.id, 0);
        return p;
      });
      // After the tokens are stored: a failure here leaves an install that a retry completes.
      await ctx.hubspot.ensureAppProperties(grant.accessToken);
      await installations.recordAppPropertiesVersion(portal.id, APP_PROPERTIES_VERSION);
      request.log.info({ hubId: info.hubId, portalId: portal.id }, 'HubSpot portal installed');
      return reply.redirect(ctx.config.hubspot.settingsUrl.replace('{hubId}', String(info.hubId)), 302);
    },
  );
}
