import { createQuickBooksConnectionRepository } from '@ledgersync/db';
import { QboError } from '@ledgersync/quickbooks';
import type { RouteContext } from '../deps.ts';
import { conflict, unavailable } from '../http/http-error.ts';

const EARLY_REFRESH_MS = 60_000;

/**
 * The connected realm and a usable access token. QBO refresh tokens rotate, so a refreshed pair is
 * stored before the new access token is used (R-CON-2).
 */
export async function quickbooksAccess(ctx: RouteContext, portalId: string) {
  const repo = createQuickBooksConnectionRepository(ctx.db, ctx.cipher);
  const connection = await repo.find(portalId);
  if (!connection || connection.status === 'disconnected' || !connection.tokens) {
    throw conflict('quickbooks_not_connected', 'Connect a QuickBooks Online company first.');
  }
  let tokens = connection.tokens;
  if (tokens.accessTokenExpiresAt.getTime() - ctx.now().getTime() < EARLY_REFRESH_MS) {
    try {
      tokens = await ctx.quickbooks.refresh(connection.realmId, tokens.refreshToken, ctx.now());
    } catch (error) {
      // Only Intuit's invalid_grant means the grant is gone; a network failure, a 5xx or a refused
      // client secret leaves the connection as it is, and the request may simply be tried again.
      if (!(error instanceof QboError && error.code === 'AuthorizationRevoked')) {
        throw unavailable(
          'quickbooks_unavailable',
          'QuickBooks could not renew our access just now; try again in a minute.',
        );
      }
      await repo.setStatus(portalId, 'needs_reauth');
      throw conflict(
        'quickbooks_needs_reauth',
        'QuickBooks refused our authorization; connect QuickBooks again.',
      );
    }
    await repo.saveTokens(portalId, tokens);
  }
  return { realmId: connection.realmId, accessToken: tokens.accessToken, connection };
}
