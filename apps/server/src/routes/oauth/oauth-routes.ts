import type { RouteContext } from '../../deps.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { createStateStore } from '../../security/signed-state.ts';
import { hubspotInstallRoutes } from './hubspot-install-routes.ts';
import { quickbooksCallbackRoute } from './quickbooks-callback-route.ts';
import { quickbooksConnectRoute } from './quickbooks-connect-route.ts';

/**
 * HubSpot install (R-CON-1) and the QBO connect link and callback (R-CON-2), with single-use
 * signed states; a QBO state is bound to the admin's browser.
 */
export function oauthRoutes(app: TypedApp, ctx: RouteContext): void {
  const states = createStateStore(ctx.db, ctx.config.stateSigningSecret);
  hubspotInstallRoutes(app, ctx, states);
  quickbooksConnectRoute(app, ctx, states);
  quickbooksCallbackRoute(app, ctx, states);
}
