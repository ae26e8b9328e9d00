import {
  createQuickBooksClient,
  createQuickBooksOAuth,
  createRefreshingTokenSource,
  intuitEndpointsAt,
  type QboTokenSet,
  type QuickBooksClient,
  type QuickBooksOAuth,
  type RefreshingTokenSource,
} from '@ledgersync/quickbooks';
import type { TestPortal, TestWorld } from '@ledgersync/test-world';

/** A QBO connection as production holds it: a token set refreshed through Intuit's OAuth (the emulator's). */
export interface QboConnection {
  readonly oauth: QuickBooksOAuth;
  readonly tokenSource: RefreshingTokenSource;
  /** Every token set the token source stored, in order (the first is the grant's own). */
  readonly stored: QboTokenSet[];
  /** A plain client on this connection, for the test's own reads. */
  readonly client: QuickBooksClient;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function connectQbo(world: TestWorld, p: TestPortal): Promise<QboConnection> {
  const grant = await json<{
    access_token: string;
    refresh_token: string;
    expires_in: number;
    x_refresh_token_expires_in: number;
  }>(`${world.qboUrl}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ realmId: p.realmId }),
  });
  const oauth = createQuickBooksOAuth({
    clientId: world.quickbooksApp.clientId,
    clientSecret: world.quickbooksApp.clientSecret,
    redirectUri: 'http://127.0.0.1/callback',
    endpoints: intuitEndpointsAt(world.qboUrl),
  });
  const now = Date.now();
  const initial: QboTokenSet = {
    realmId: p.realmId,
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token,
    accessTokenExpiresAt: new Date(now + grant.expires_in * 1000).toISOString(),
    refreshTokenExpiresAt: new Date(now + grant.x_refresh_token_expires_in * 1000).toISOString(),
  };
  const stored: QboTokenSet[] = [initial];
  const tokenSource = createRefreshingTokenSource({
    initial,
    refresh: (realmId, refreshToken) => oauth.refresh(realmId, refreshToken),
    persist: async (tokens) => {
      stored.push(tokens);
    },
  });
  const client = createQuickBooksClient({ baseUrl: world.qboUrl, realmId: p.realmId, tokens: tokenSource });
  return { oauth, tokenSource, stored, client };
}

/** Moves the emulator's clock (token expiry, refresh-token grace), not ours. */
export async function advanceQboClock(world: TestWorld, ms: number): Promise<void> {
  await json(`${world.qboUrl}/_emulator/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
}

/** A fetch that runs `act` once, just before the `n`th API request it forwards (1-based). */
export function beforeRequest(n: number, act: () => Promise<void>): typeof fetch {
  let seen = 0;
  return (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    seen += 1;
    if (seen === n) await act();
    return fetch(input, init);
  }) as typeof fetch;
}
