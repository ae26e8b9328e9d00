import { checkQuickBooksConnect, createQuickBooksConnectionRepository } from '@ledgersync/db';
import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest, conflict } from '../../http/http-error.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { clearedConnectCookie, readConnectBrowserKey } from '../../security/connect-browser-key.ts';
import type { StateStore } from '../../security/signed-state.ts';
import {
  assertAuthorized,
  callbackQuerySchema,
  invalidState,
  startedInAnotherBrowser,
} from './callback-query.ts';
import { oauthErrorPages } from './oauth-error-page.ts';

const REFUSALS = {
  portal_connected_to_other_realm:
    'This HubSpot account is already connected to another QuickBooks company. Disconnect it first: one HubSpot account syncs with one QuickBooks company.',
  realm_linked_to_other_portal:
    'This QuickBooks company is already connected to another HubSpot account. Disconnect it there first.',
};

/**
 * R-CON-2: the Intuit OAuth callback; the portal comes from the signed state, never the query, and
 * only the browser that opened the connect link (its cookie) may use that state.
 */
export function quickbooksCallbackRoute(app: TypedApp, ctx: RouteContext, states: StateStore): void {
  const secure = ctx.config.publicUrl.startsWith('https:');
  app.get(
    '/oauth/quickbooks/callback',
    {
      onSend: oauthErrorPages,
      schema: {
        tags: ['oauth'],
        querystring: callbackQuerySchema,
        response: { 302: errorResponseSchema.optional(), 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const code = assertAuthorized(request.query);
      const stateId = states.verify(request.query.state, 'quickbooks');
      if (!stateId) throw invalidState();
      const browser = readConnectBrowserKey(request.headers.cookie);
      if (browser?.stateId !== stateId) throw startedInAnotherBrowser();
      reply.header('set-cookie', clearedConnectCookie(secure));
      const claims = await states.consume(request.query.state, 'quickbooks', ctx.now(), browser);
      if (!claims?.portalId) throw invalidState();
      const realmId = request.query.realmId;
      if (!realmId) throw badRequest('realm_missing', 'QuickBooks did not say which company was chosen.');
      // Refuse before spending the code when the answer is already known.
      const check = await checkQuickBooksConnect(ctx.db, ctx.cipher, claims.portalId, realmId);
      if (!check.ok) {
        if (check.error === 'portal_not_installed') throw invalidState();
        throw conflict(check.error, REFUSALS[check.error]);
      }
      const { portal } = check;
      const tokens = await ctx.quickbooks.exchangeCode(code, realmId, ctx.now());
      const company = await ctx.quickbooks.company(realmId, tokens.accessToken);
      const result = await createQuickBooksConnectionRepository(ctx.db, ctx.cipher).connect({
        portalId: portal.id,
        realmId,
        tokens,
        companyName: company.companyName,
        country: company.country,
        homeCurrency: company.homeCurrency,
        connectedAt: ctx.now(),
      });
      if (!result.ok) {
        await ctx.quickbooks.revoke(tokens.refreshToken).catch(() => undefined);
        throw conflict(result.error, REFUSALS[result.error]);
      }
      request.log.info({ portalId: portal.id, realmId }, 'QuickBooks company connected');
      return reply.redirect(ctx.config.hubspot.settingsUrl.replace('{hubId}', portal.hubId.toString()), 302);
    },
  );
}
