import type { Db } from '../client/create-prisma-client.ts';
import type { TokenCipher } from '../crypto/token-cipher.ts';
import type { Portal } from '../generated/prisma/client.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createQuickBooksConnectionRepository } from '../repositories/quickbooks-connection-repository.ts';

export type QuickBooksConnectCheck =
  | { ok: true; portal: Portal }
  | { ok: false; error: 'portal_not_installed' | 'portal_connected_to_other_realm' };

/**
 * R-CON-2: may `portalId` connect the company `realmId`? Asked before the authorization code is
 * spent, when the answer is already known: one HubSpot portal syncs with one QuickBooks company.
 * The repository's `connect` checks again, inside its write.
 */
export async function checkQuickBooksConnect(
  db: Db,
  cipher: TokenCipher,
  portalId: string,
  realmId: string,
): Promise<QuickBooksConnectCheck> {
  const portal = await createPortalRepository(db).findById(portalId);
  if (!portal || portal.uninstalledAt) return { ok: false, error: 'portal_not_installed' };
  const existing = await createQuickBooksConnectionRepository(db, cipher).findEncrypted(portal.id);
  if (existing && existing.status !== 'disconnected' && existing.realmId !== realmId)
    return { ok: false, error: 'portal_connected_to_other_realm' };
  return { ok: true, portal };
}
