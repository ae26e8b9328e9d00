import { createHubSpotInstallationRepository } from '@ledgersync/db';
import type { RouteContext } from '../deps.ts';
import { conflict } from '../http/http-error.ts';

const EARLY_REFRESH_MS = 60_000;

/** A usable HubSpot access token for the portal, refreshed (and stored) when about to expire. */
export async function hubspotAccessToken(ctx: RouteContext, portalId: string): Promise<string> {
  const repo = createHubSpotInstallationRepository(ctx.db, ctx.cipher);
  const installation = await repo.find(portalId);
  if (!installation) throw conflict('hubspot_not_installed', 'Install LedgerSync in HubSpot again.');
  const { tokens } = installation;
  if (tokens.accessTokenExpiresAt.getTime() - ctx.now().getTime() >= EARLY_REFRESH_MS) {
    return tokens.accessToken;
  }
  const grant = await ctx.hubspot.refresh(tokens.refreshToken);
  await repo.save(portalId, {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessTokenExpiresAt: new Date(ctx.now().getTime() + grant.expiresInSeconds * 1000),
    scopes: tokens.scopes,
  });
  return grant.accessToken;
}
