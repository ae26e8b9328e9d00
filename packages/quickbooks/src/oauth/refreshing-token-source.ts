import type { AccessTokenSource } from '../http/access-token-source.ts';
import type { QboTokenSet } from './quickbooks-oauth.ts';

export interface RefreshingTokenSourceOptions {
  readonly initial: QboTokenSet;
  /** Calls Intuit's token endpoint (QuickBooksOAuth.refresh). */
  readonly refresh: (realmId: string, refreshToken: string) => Promise<QboTokenSet>;
  /** Stores a new token set (encrypted, by the caller). Must finish before the new token is used. */
  readonly persist: (tokens: QboTokenSet) => Promise<void>;
  readonly now?: () => Date;
  /** Refresh this long before the access token expires (a request can take a while). */
  readonly refreshAheadMs?: number;
}

/** An access token source that also tells the token set it holds now. */
export type RefreshingTokenSource = AccessTokenSource & { current(): QboTokenSet };

/**
 * Hands out the access token of one QBO connection and refreshes it: ahead of expiry, or once
 * after a 401. One refresh at a time per connection (concurrent callers share it), and the
 * rotated refresh token is persisted before the new access token is used: if persisting
 * fails, the new set is kept and persisting is retried before any new call to Intuit, since
 * Intuit's answer cannot be fetched twice.
 */
export function createRefreshingTokenSource(options: RefreshingTokenSourceOptions): RefreshingTokenSource {
  const now = options.now ?? (() => new Date());
  const ahead = options.refreshAheadMs ?? 5 * 60_000;
  let current = options.initial;
  let unpersisted: QboTokenSet | null = null;
  let inflight: Promise<string> | null = null;

  async function doRefresh(): Promise<string> {
    const next = unpersisted ?? (await options.refresh(current.realmId, current.refreshToken));
    unpersisted = next;
    await options.persist(next);
    unpersisted = null;
    current = next;
    return next.accessToken;
  }

  function refreshOnce(): Promise<string> {
    if (!inflight) {
      inflight = doRefresh().finally(() => {
        inflight = null;
      });
    }
    return inflight;
  }

  const expiresSoon = () => Date.parse(current.accessTokenExpiresAt) - now().getTime() <= ahead;

  return {
    current: () => current,
    async accessToken() {
      if (inflight) return inflight;
      if (unpersisted || expiresSoon()) return refreshOnce();
      return current.accessToken;
    },
    async refreshAfterRejection(rejected) {
      if (inflight) return inflight;
      // Someone else already replaced the refused token.
      if (rejected !== current.accessToken) return current.accessToken;
      return refreshOnce();
    },
  };
}
