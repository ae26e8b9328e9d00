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
 * Binds a live, unused state to one browser (the hash of a nonce cookie set in it), once: a state
 * already bound, used, expired or unknown gives false. One conditional update, so two browsers
 * opening the same link cannot both win.
 */
export async function bindOAuthStateToBrowser(
  db: DbClient,
  id: string,
  provider: Side,
  browserKeyHash: string,
  now: Date,
): Promise<boolean> {
  const { count } = await db.oAuthState.updateMany({
    where: { id, provider, usedAt: null, browserKeyHash: null, expiresAt: { gt: now } },
    data: { browserKeyHash },
  });
  return count === 1;
}

/**
 * Marks a state used, once: an unknown, used, expired or other provider's state gives null, and
 * so does a state bound to another browser when `browserKeyHash` is given. The mark is one
 * conditional update, so two callbacks racing with the same state cannot both win.
 */
export async function consumeOAuthState(
  db: DbClient,
  id: string,
  provider: Side,
  now: Date,
  browserKeyHash?: string,
): Promise<Pick<OAuthStateRow, 'portalId' | 'userId'> | null> {
  const [row] = await db.oAuthState.updateManyAndReturn({
    where: {
      id,
      provider,
      usedAt: null,
      expiresAt: { gt: now },
      ...(browserKeyHash === undefined ? {} : { browserKeyHash }),
    },
    data: { usedAt: now },
    select: { portalId: true, userId: true },
  });
  return row ?? null;
}

/** Forgets states past their expiry, used or not: nothing can consume them any more. */
export async function deleteExpiredOAuthStates(db: DbClient, now: Date): Promise<number> {
  const { count } = await db.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
