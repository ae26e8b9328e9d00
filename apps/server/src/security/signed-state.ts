import { createHmac, randomBytes } from 'node:crypto';
import {
  bindOAuthStateToBrowser,
  consumeOAuthState,
  type Db,
  type Side,
  saveOAuthState,
} from '@ledgersync/db';
import { browserKeyHash, type ConnectBrowserKey, newConnectBrowserKey } from './connect-browser-key.ts';
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
 * row already used; a late one finds it expired. A state may also be bound to one browser
 * (connect-browser-key.ts): then only that browser's cookie consumes it.
 */
export function createStateStore(db: Db, secret: string) {
  /** The state's id when its HMAC and provider check out, else null (no database read). */
  const verify = (state: string | undefined, provider: Side): string | null => {
    const parts = (state ?? '').split('.');
    if (parts.length !== 3) return null;
    const [kind, id, mac] = parts as [string, string, string];
    return kind === provider && constantTimeEqual(sign(secret, `${kind}.${id}`), mac) ? id : null;
  };

  return {
    verify,

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

    /**
     * Binds a live state to the browser opening it, once: the key to set as that browser's
     * cookie, or null when the state is forged, expired, used or already bound to a browser.
     */
    async bindToBrowser(
      state: string | undefined,
      provider: Side,
      now: Date,
    ): Promise<ConnectBrowserKey | null> {
      const id = verify(state, provider);
      if (!id) return null;
      const key = newConnectBrowserKey(id);
      return (await bindOAuthStateToBrowser(db, id, provider, browserKeyHash(key.nonce), now)) ? key : null;
    },

    /**
     * Consumes a state once; anything forged, reused, expired or for the other provider is null.
     * With `browser`, the state must be bound to that browser's key.
     */
    async consume(
      state: string | undefined,
      provider: Side,
      now: Date,
      browser?: ConnectBrowserKey,
    ): Promise<StateClaims | null> {
      const id = verify(state, provider);
      if (!id || (browser && browser.stateId !== id)) return null;
      const row = await consumeOAuthState(db, id, provider, now, browser && browserKeyHash(browser.nonce));
      return row ? { provider, portalId: row.portalId, userId: row.userId } : null;
    },
  };
}
export type StateStore = ReturnType<typeof createStateStore>;
