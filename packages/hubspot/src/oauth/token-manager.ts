import type { TokenSet } from './oauth-client.ts';

export interface TokenManagerOptions {
  readonly initial: TokenSet;
  readonly refresh: (refreshToken: string) => Promise<TokenSet>;
  /** Stores the new tokens; awaited before the new access token is handed to anyone. */
  readonly persist: (tokens: TokenSet) => Promise<void>;
  readonly now: () => number;
  /** Refresh this long before expiry (default 5 minutes of HubSpot's 30). */
  readonly refreshAheadMs?: number;
}

export interface TokenManager {
  /** A token valid for at least `refreshAheadMs`, refreshing first if needed. */
  accessToken(): Promise<string>;
  /** HubSpot refused `failedToken`: refresh unless someone already replaced it. */
  invalidate(failedToken: string): Promise<void>;
  current(): TokenSet;
}

/**
 * Keeps one portal's tokens. Refresh is single-flight: however many calls find the token stale
 * at once, one request goes to the token endpoint and all wait for it. The new set is persisted
 * before use, so a crash can never leave a rotated refresh token only in memory.
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  let tokens = options.initial;
  let inFlight: Promise<void> | null = null;
  const ahead = options.refreshAheadMs ?? 5 * 60_000;

  function refreshOnce(): Promise<void> {
    if (!inFlight) {
      inFlight = (async () => {
        const next = await options.refresh(tokens.refreshToken);
        await options.persist(next);
        tokens = next;
      })().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  return {
    async accessToken() {
      if (inFlight) await inFlight;
      if (options.now() >= tokens.expiresAt - ahead) await refreshOnce();
      return tokens.accessToken;
    },
    async invalidate(failedToken) {
      if (inFlight) return inFlight;
      if (tokens.accessToken === failedToken) await refreshOnce();
    },
    current: () => tokens,
  };
}
