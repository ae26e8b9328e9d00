import {
  createHubSpotInstallationRepository,
  createPortalRepository,
  createQuickBooksConnectionRepository,
  createSyncSettingsRepository,
} from '@ledgersync/db';
import type { FastifyBaseLogger } from 'fastify';
import type { RouteContext } from '../deps.ts';

/**
 * R-CON-3: disconnecting QBO stops every sync of the portal at once: settings off, queued jobs
 * removed, tokens revoked at Intuit (best effort: a failed revoke must not keep the sync alive)
 * and forgotten here.
 */
export async function disconnectQuickBooks(
  ctx: RouteContext,
  portalId: string,
  log: FastifyBaseLogger,
  cause: 'quickbooks_disconnected' | 'uninstalled' = 'quickbooks_disconnected',
) {
  const connections = createQuickBooksConnectionRepository(ctx.db, ctx.cipher);
  const connection = await connections.find(portalId);
  await createSyncSettingsRepository(ctx.db).disableAll(portalId);
  if (connection?.tokens) {
    try {
      await ctx.quickbooks.revoke(connection.tokens.refreshToken);
    } catch (error) {
      log.warn({ err: error, portalId }, 'QuickBooks token revoke failed; tokens are forgotten anyway');
    }
  }
  await ctx.syncControl.stopPortal(portalId, cause);
  if (connection) await connections.disconnect(portalId, ctx.now());
}

/** Uninstall: the QBO disconnect for the whole portal, then its HubSpot tokens go too. */
export async function uninstallPortal(ctx: RouteContext, portalId: string, log: FastifyBaseLogger) {
  await disconnectQuickBooks(ctx, portalId, log, 'uninstalled');
  const installations = createHubSpotInstallationRepository(ctx.db, ctx.cipher);
  const installation = await installations.find(portalId);
  if (installation) {
    try {
      await ctx.hubspot.revokeRefreshToken(installation.tokens.refreshToken);
    } catch (error) {
      log.warn({ err: error, portalId }, 'HubSpot refresh token revoke failed; tokens are removed anyway');
    }
  }
  await installations.remove(portalId);
  await createPortalRepository(ctx.db).markUninstalled(portalId, ctx.now());
}
