import { createHubSpotInstallationRepository, saveInvoiceSourceOptions } from '@ledgersync/db';
import { APP_PROPERTIES_VERSION, buildInstallUrl } from '@ledgersync/hubspot';
import { saveHubSpotInstall } from '@ledgersync/jobs';
import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import type { StateStore } from '../../security/signed-state.ts';
import { assertAuthorized, callbackQuerySchema, invalidState } from './callback-query.ts';
import { oauthErrorPages } from './oauth-error-page.ts';
import { oauthStartLimit } from './oauth-start-limit.ts';
import { hubspotRedirectUri } from './redirect-uris.ts';

const tags = ['oauth'];

/** R-CON-1: marketplace install through HubSpot OAuth, landing on the app's settings page. */
export function hubspotInstallRoutes(app: TypedApp, ctx: RouteContext, states: StateStore): void {
  app.get(
    '/oauth/hubspot/install',
    {
      // Unauthenticated, and each call stores a state: a browser's pace, per IP.
      config: oauthStartLimit(ctx),
      schema: {
        tags,
        description: 'Redirects to HubSpot to install the app',
        response: { 302: errorResponseSchema.optional() },
      },
    },
    async (_request, reply) => {
      const state = await states.issue({ provider: 'hubspot', portalId: null, userId: null }, ctx.now());
      const url = buildInstallUrl({
        clientId: ctx.config.hubspot.clientId,
        redirectUri: hubspotRedirectUri(ctx),
        state,
        scopes: ctx.config.hubspot.scopes,
        appBaseUrl: ctx.config.hubspot.authBaseUrl,
      });
      return reply.redirect(url, 302);
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
      const portal = await saveHubSpotInstall(
        ctx.db,
        ctx.cipher,
        {
          hubId: BigInt(info.hubId),
          installedByUserId: info.userId,
          planTier: ctx.config.defaultPlanTier,
          tokens: {
            accessToken: grant.accessToken,
            refreshToken: grant.refreshToken,
            accessTokenExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000),
            scopes: info.scopes,
          },
        },
        now,
      );
      // After the tokens are stored: a failure here leaves an install that a retry completes.
      await ctx.hubspot.ensureAppProperties(grant.accessToken);
      await createHubSpotInstallationRepository(ctx.db, ctx.cipher).recordAppPropertiesVersion(
        portal.id,
        APP_PROPERTIES_VERSION,
      );
      // R-FLT-1: which Invoice source values are HubSpot's own is read, not guessed.
      const sources = await ctx.hubspot.readInvoiceSourceOptions(grant.accessToken);
      await saveInvoiceSourceOptions(ctx.db, portal.id, sources, ctx.now());
      request.log.info({ hubId: info.hubId, portalId: portal.id }, 'HubSpot portal installed');
      return reply.redirect(ctx.config.hubspot.settingsUrl.replace('{hubId}', String(info.hubId)), 302);
    },
  );
}
