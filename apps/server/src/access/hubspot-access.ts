import { createHubSpotInstallationRepository } from '@ledgersync/db';
import { HubSpotOAuthError } from '@ledgersync/hubspot';
import type { RouteContext } from '../deps.ts';
import { conflict, unavailable } from '../http/http-error.ts';

const EARLY_REFRESH_MS = 60_000;

/** A usable HubSpot access token for the portal, refreshed (and stored) when about to expire. */
export async function hubspotAccessToken(ctx: RouteContext, portalId: string): Promise<string> {
  const repo = createHubSpotInstallationRepository(ctx.db, ctx.cipher);
  const installation = await repo.find(portalId);
  if (!installation) throw conflict('hubspot_not_installed', 'Install LedgerSync in HubSpot again.');
  if (installation.status === 'needs_reauth') throw needsReauth();
  const { tokens } = installation;
  if (tokens.accessTokenExpiresAt.getTime() - ctx.now().getTime() >= EARLY_REFRESH_MS) {
    return tokens.accessToken;
  }
  const grant = await ctx.hubspot.refresh(tokens.refreshToken).catch(async (error: unknown) => {
    // A network failure or a 5xx leaves the installation as it is: try again later.
    if (!(error instanceof HubSpotOAuthError && error.revoked)) {
      throw unavailable(
        'hubspot_unavailable',
        'HubSpot could not renew our access just now; try again in a minute.',
      );
    }
    // Uninstalled or revoked: the same mark the worker sets, so syncs pause and the UI says so.
    await repo.markNeedsReauth(portalId);
    throw needsReauth();
  });
  await repo.save(portalId, {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessTokenExpiresAt: new Date(ctx.now().getTime() + grant.expiresInSeconds * 1000),
    scopes: tokens.scopes,
  });
  return grant.accessToken;
}

const needsReauth = () =>
  conflict('hubspot_needs_reauth', 'HubSpot refused our authorization; install LedgerSync in HubSpot again.');
