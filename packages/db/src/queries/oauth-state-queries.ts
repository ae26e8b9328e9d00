import type { DbClient } from '../client/create-prisma-client.ts';
import type { Side } from '../generated/prisma/client.ts';

export interface OAuthStateRow {
  id: string;
  provider: Side;
  portalId: string | null;
  userId: string | null;
  expiresAt: Date;
}

/** Stores a freshly issued OAuth `state` (single use, until `expiresAt`). */
export async function saveOAuthState(db: DbClient, state: OAuthStateRow): Promise<void> {
  await db.oAuthState.create({ data: state });
}

/**
 * Marks a state used, once: an unknown, used, expired or other provider's state gives null. The
 * mark is one conditional update, so two callbacks racing with the same state cannot both win.
 */
export async function consumeOAuthState(
  db: DbClient,
  id: string,
  provider: Side,
  now: Date,
): Promise<Pick<OAuthStateRow, 'portalId' | 'userId'> | null> {
  const [row] = await db.oAuthState.updateManyAndReturn({
    where: { id, provider, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { portalId: true, userId: true },
  });
  return row ?? null;
}
