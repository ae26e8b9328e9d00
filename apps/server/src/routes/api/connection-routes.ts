import { standardErrors } from '../../api-contract/common.ts';
import {
  connectStartResponseSchema,
  disconnectResponseSchema,
  uninstallResponseSchema,
} from '../../api-contract/settings.ts';
import type { RouteContext } from '../../deps.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { disconnectQuickBooks, uninstallPortal } from '../../portal/stop-portal.ts';
import { createStateStore } from '../../security/signed-state.ts';
import { quickbooksConnectLink } from '../oauth/quickbooks-connect-route.ts';

const tags = ['connection'];
const security = [{ hubspotSignature: [] }];

/** QBO connect (R-CON-2) and disconnect (R-CON-3), app uninstall; all from the signed settings page. */
export function connectionRoutes(app: TypedApp, ctx: RouteContext): void {
  const states = createStateStore(ctx.db, ctx.config.stateSigningSecret);

  app.post(
    '/connections/quickbooks',
    { schema: { tags, security, response: { 200: connectStartResponseSchema, ...standardErrors } } },
    async (request) => {
      const portal = portalOf(request);
      // The state binds the portal and the user: the callback needs no (forgeable) portal id.
      const state = await states.issue(
        { provider: 'quickbooks', portalId: portal.id, userId: request.hubspotUserId ?? null },
        ctx.now(),
      );
      // Opened in the admin's browser: our connect link binds the state to it, then goes to Intuit.
      return { authorizeUrl: quickbooksConnectLink(ctx, state) };
    },
  );

  app.delete(
    '/connections/quickbooks',
    { schema: { tags, security, response: { 200: disconnectResponseSchema, ...standardErrors } } },
    async (request) => {
      await disconnectQuickBooks(ctx, portalOf(request).id, request.log);
      return { status: 'disconnected' as const };
    },
  );

  app.post(
    '/app/uninstall',
    {
      schema: {
        tags,
        security,
        description: 'Stops every sync of the portal, revokes and removes its HubSpot and QBO tokens.',
        response: { 200: uninstallResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      await uninstallPortal(ctx, portalOf(request).id, request.log);
      return { status: 'uninstalled' as const };
    },
  );
}
