import { createHmac, randomBytes } from 'node:crypto';
import { consumeOAuthState, type Db, type Side, saveOAuthState } from '@ledgersync/db';
import { constantTimeEqual } from './constant-time-equal.ts';

export const STATE_LIFETIME_MS = 10 * 60_000;

export interface StateClaims {
  provider: Side;
  portalId: string | null;
  userId: string | null;
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/**
 * OAuth `state`: a random id (the OAuthState row that makes it single-use), the provider, and an
 * HMAC over both. Forged states fail the HMAC before touching the database; a replay finds the
 * row already used; a late one finds it expired.
 */
export function createStateStore(db: Db, secret: string) {
  return {
    async issue(claims: StateClaims, now: Date): Promise<string> {
      const id = randomBytes(18).toString('base64url');
      await saveOAuthState(db, {
        id,
        provider: claims.provider,
        portalId: claims.portalId,
        userId: claims.userId,
        expiresAt: new Date(now.getTime() + STATE_LIFETIME_MS),
      });
      const payload = `${claims.provider}.${id}`;
      return `${payload}.${sign(secret, payload)}`;
    },

    /** Consumes a state once; anything forged, reused, expired or for the other provider is null. */
    async consume(state: string | undefined, provider: Side, now: Date): Promise<StateClaims | null> {
      const parts = (state ?? '').split('.');
      if (parts.length !== 3) return null;
      const [kind, id, mac] = parts as [string, string, string];
      if (kind !== provider || !constantTimeEqual(sign(secret, `${kind}.${id}`), mac)) return null;
      const row = await consumeOAuthState(db, id, provider, now);
      return row ? { provider, portalId: row.portalId, userId: row.userId } : null;
    },
  };
}
export type StateStore = ReturnType<typeof createStateStore>;
