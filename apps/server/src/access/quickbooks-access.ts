import { createQuickBooksConnectionRepository } from '@ledgersync/db';
import type { RouteContext } from '../deps.ts';
import { conflict } from '../http/http-error.ts';

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
    } catch {
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
