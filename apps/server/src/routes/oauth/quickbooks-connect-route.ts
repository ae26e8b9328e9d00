import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { connectCookie } from '../../security/connect-browser-key.ts';
import { STATE_LIFETIME_MS, type StateStore } from '../../security/signed-state.ts';
import { callbackQuerySchema, connectLinkUsed } from './callback-query.ts';
import { oauthErrorPages } from './oauth-error-page.ts';
import { oauthStartLimit } from './oauth-start-limit.ts';

/** The link the settings page opens in the admin's browser to connect QBO (a navigation to us, not hubspot.fetch). */
export const quickbooksConnectLink = (ctx: RouteContext, state: string): string =>
  `${ctx.config.publicUrl}/oauth/quickbooks/connect?state=${encodeURIComponent(state)}`;

/**
 * R-CON-2: the first step in the admin's browser. The settings page got the link through
 * `hubspot.fetch`, whose responses never reach the browser's cookies, so the flow passes through
 * here: the state is bound to this browser (a cookie), once, and the browser goes on to Intuit.
 */
export function quickbooksConnectRoute(app: TypedApp, ctx: RouteContext, states: StateStore): void {
  const secure = ctx.config.publicUrl.startsWith('https:');
  app.get(
    '/oauth/quickbooks/connect',
    {
      config: oauthStartLimit(ctx),
      onSend: oauthErrorPages,
      schema: {
        tags: ['oauth'],
        description: 'Binds the connect state to this browser, then redirects to Intuit',
        querystring: callbackQuerySchema.pick({ state: true }),
        response: { 302: errorResponseSchema.optional(), 400: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const key = await states.bindToBrowser(request.query.state, 'quickbooks', ctx.now());
      if (!key) throw connectLinkUsed();
      reply.header('set-cookie', connectCookie(key, { secure, maxAgeSeconds: STATE_LIFETIME_MS / 1000 }));
      reply.header('cache-control', 'no-store');
      return reply.redirect(ctx.quickbooks.authorizeUrl(request.query.state ?? ''), 302);
    },
  );
}
