import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '@ledgersync/quickbooks-emulator';
import OAuthClient from 'intuit-oauth';
import { isQboError } from '../errors/qbo-error.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { intuitEndpointsAt } from './intuit-endpoints.ts';
import { createQuickBooksOAuth, type QboTokenSet } from './quickbooks-oauth.ts';
import { createRefreshingTokenSource } from './refreshing-token-source.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator({ autoApproveConsent: true });
});
afterAll(async () => emu.close());

const redirectUri = 'https://app.example.test/oauth/qbo/callback';
const oauthAt = (base: string) =>
  createQuickBooksOAuth({
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    redirectUri,
    endpoints: intuitEndpointsAt(base),
  });

/** Walks the consent page like a browser would and returns the callback's parameters. */
async function consent(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (!location) throw new Error(`no redirect from consent (${response.status})`);
  return new URL(location).searchParams;
}

async function connect(): Promise<QboTokenSet> {
  const oauth = oauthAt(emu.baseUrl);
  const back = await consent(oauth.authorizeUrl('state-123'));
  return oauth.exchangeCode(back.get('code') ?? '', back.get('realmId') ?? '');
}

async function tokenCalls(): Promise<number> {
  const { requests } = await emu.control<{ requests: Array<{ method: string; url: string }> }>(
    '/_emulator/requests',
  );
  return requests.filter((r) => r.method === 'POST' && r.url.startsWith('/oauth2/v1/tokens/bearer')).length;
}

describe('Intuit OAuth through intuit-oauth, pointed at the emulator', () => {
  it('authorize URL with state, code exchange with realmId, a working access token', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const url = new URL(oauth.authorizeUrl('csrf-abc'));
    expect(`${url.origin}${url.pathname}`).toBe(`${emu.baseUrl}/connect/oauth2`);
    expect(url.searchParams.get('state')).toBe('csrf-abc');
    expect(url.searchParams.get('scope')).toBe('com.intuit.quickbooks.accounting');
    expect(url.searchParams.get('client_id')).toBe(DEFAULT_CLIENT_ID);
    const back = await consent(url.toString());
    expect(back.get('state')).toBe('csrf-abc');
    const tokens = await oauth.exchangeCode(back.get('code') ?? '', back.get('realmId') ?? '');
    expect(tokens.realmId).toBe(back.get('realmId'));
    const qbo = await emu.newClient({
      realmId: tokens.realmId,
      tokens: createRefreshingTokenSource({
        initial: tokens,
        refresh: oauth.refresh,
        persist: async () => {},
      }),
    });
    expect((await qbo.companyInfo()).Id).toBeTruthy();
  });

  it('two clients with different bases in one process do not leak endpoints into each other', () => {
    const before = OAuthClient.tokenEndpoint;
    const a = new URL(oauthAt('http://127.0.0.1:1').authorizeUrl('s'));
    const b = new URL(oauthAt('http://127.0.0.1:2').authorizeUrl('s'));
    expect(a.port).toBe('1');
    expect(b.port).toBe('2');
    expect(OAuthClient.tokenEndpoint).toBe(before);
  });

  it('refresh returns a new access token; revoke ends the grant with a typed error and no secret in it', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const tokens = await connect();
    const refreshed = await oauth.refresh(tokens.realmId, tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    await oauth.revoke(refreshed.refreshToken);
    const error = await oauth.refresh(tokens.realmId, refreshed.refreshToken).catch((e: unknown) => e);
    expect(isQboError(error, 'AuthorizationRevoked')).toBe(true);
    expect(String((error as Error).message)).toContain('invalid_grant');
    expect(String((error as Error).message)).not.toContain(refreshed.refreshToken);
    expect(JSON.stringify(error)).not.toContain(DEFAULT_CLIENT_SECRET);
  });

  it('only invalid_grant says the grant is gone: a 5xx, a dropped connection or refused app credentials do not', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const tokens = await connect();
    const refreshFails = async () => {
      const error = await oauth.refresh(tokens.realmId, tokens.refreshToken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      return error as { code?: unknown; message: string };
    };
    await emu.control('/_emulator/faults', { path: '/oauth2/v1/tokens/bearer', status: 503 });
    expect((await refreshFails()).code).toBe('Network');
    await emu.control('/_emulator/faults', { path: '/oauth2/v1/tokens/bearer', drop: true });
    expect((await refreshFails()).code).toBe('Network');
    const wrongSecret = createQuickBooksOAuth({
      clientId: DEFAULT_CLIENT_ID,
      clientSecret: 'not-the-secret',
      redirectUri,
      endpoints: intuitEndpointsAt(emu.baseUrl),
    });
    const refused = await wrongSecret.refresh(tokens.realmId, tokens.refreshToken).catch((e: unknown) => e);
    expect(isQboError(refused, 'Unauthorized')).toBe(true);
    expect((refused as Error).message).toContain('invalid_client');
    // The grant itself was never touched: it still refreshes.
    expect((await oauth.refresh(tokens.realmId, tokens.refreshToken)).accessToken).not.toBe(
      tokens.accessToken,
    );
  });
});

describe('refreshing token source: single-flight refresh, persist before use', () => {
  it('20 concurrent calls hitting 401 cause exactly one token call; the rotated token is persisted before use', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const tokens = await connect();
    await emu.control('/_emulator/clock/advance', { ms: 3601_000 }); // the access token expires at Intuit
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    const persisted: QboTokenSet[] = [];
    let okBeforePersist = -1;
    const tokenSource = createRefreshingTokenSource({
      initial: tokens,
      refresh: oauth.refresh,
      persist: async (t) => {
        const { requests } = await emu.control<{ requests: Array<{ status: number; url: string }> }>(
          '/_emulator/requests',
        );
        okBeforePersist = requests.filter((r) => r.url.startsWith('/v3/') && r.status === 200).length;
        persisted.push(t);
      },
    });
    const qbo = await emu.newClient({ realmId: tokens.realmId, tokens: tokenSource });
    const results = await Promise.all(Array.from({ length: 20 }, () => qbo.preferences()));
    expect(results).toHaveLength(20);
    expect(await tokenCalls()).toBe(1);
    expect(persisted).toHaveLength(1);
    expect(okBeforePersist).toBe(0);
    expect(tokenSource.current().refreshToken).toBe(persisted[0]?.refreshToken);
  });

  it('refreshes ahead of expiry once for concurrent callers', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const tokens = await connect();
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    const tokenSource = createRefreshingTokenSource({
      initial: { ...tokens, accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString() },
      refresh: oauth.refresh,
      persist: async () => {},
    });
    const got = await Promise.all(Array.from({ length: 10 }, () => tokenSource.accessToken()));
    expect(new Set(got).size).toBe(1);
    expect(got[0]).not.toBe(tokens.accessToken);
    expect(await tokenCalls()).toBe(1);
  });

  it('a failed persist keeps the new tokens and retries persisting without a second token call', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const tokens = await connect();
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    let fail = true;
    const stored: string[] = [];
    const tokenSource = createRefreshingTokenSource({
      initial: { ...tokens, accessTokenExpiresAt: new Date(0).toISOString() },
      refresh: oauth.refresh,
      persist: async (t) => {
        if (fail) throw new Error('database down');
        stored.push(t.refreshToken);
      },
    });
    await expect(tokenSource.accessToken()).rejects.toThrow('database down');
    expect(tokenSource.current().accessToken).toBe(tokens.accessToken); // the unsaved token is not used
    fail = false;
    const token = await tokenSource.accessToken();
    expect(await tokenCalls()).toBe(1);
    expect(stored).toHaveLength(1);
    expect(tokenSource.current().accessToken).toBe(token);
  });

  it('an access token expiring in the middle of a batch is refreshed and the batch completes', async () => {
    const oauth = oauthAt(emu.baseUrl);
    const tokens = await connect();
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    const tokenSource = createRefreshingTokenSource({
      initial: tokens,
      refresh: oauth.refresh,
      persist: async () => {},
    });
    let batches = 0;
    const expiring: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/batch') && response.status === 200 && ++batches === 1) {
        await emu.control('/_emulator/clock/advance', { ms: 3601_000 });
      }
      return response;
    };
    const qbo = await emu.newClient({ realmId: tokens.realmId, tokens: tokenSource, fetch: expiring });
    const results = await qbo.batch(
      Array.from({ length: 65 }, (_, i) => ({
        key: `mid-${i}`,
        op: { kind: 'create' as const, entity: 'Customer' as const, body: { DisplayName: `Mid ${i}` } },
      })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await tokenCalls()).toBe(1);
    const { requests } = await emu.control<{ requests: Array<{ status: number; url: string }> }>(
      '/_emulator/requests',
    );
    expect(requests.filter((r) => r.url.includes('/batch')).map((r) => r.status)).toEqual([
      200, 401, 200, 200,
    ]);
  });
});
