import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { batchReadObjects } from '../crm/batch-objects.ts';
import { createHubSpotSideReader } from '../ports/hubspot-side-reader.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { buildInstallUrl } from './install-url.ts';
import { createOAuthClient, HubSpotOAuthError, type OAuthClient, type TokenSet } from './oauth-client.ts';
import { REQUIRED_SCOPE_LIST } from './scopes.ts';

let hs: TestHubSpot;
let oauth: OAuthClient;
let app: { clientId: string; clientSecret: string; redirectUris: string[] };
beforeAll(async () => {
  hs = await startTestHubSpot();
  app = (await hs.get('/_emulator/app')) as typeof app;
  oauth = createOAuthClient({
    basePath: hs.url,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: app.redirectUris[0] ?? '',
    now: hs.clock.now,
  });
});
afterAll(() => hs.close());

async function install(): Promise<{ portalId: string; tokens: TokenSet }> {
  const { portalId } = (await hs.control('/_emulator/portals', {})) as { portalId: number };
  const url = new URL(
    buildInstallUrl({
      clientId: app.clientId,
      redirectUri: app.redirectUris[0] ?? '',
      state: 'st-1',
      appBaseUrl: hs.url,
    }),
  );
  url.pathname = `/oauth/${portalId}/authorize`;
  url.searchParams.set('approve', '1');
  const res = await fetch(url, { redirect: 'manual' });
  const back = new URL(res.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe('st-1');
  return {
    portalId: String(portalId),
    tokens: await oauth.exchangeCode(back.searchParams.get('code') ?? ''),
  };
}

const tokenCalls = async () =>
  ((await hs.get('/_emulator/requests')) as { requests: { path?: string; url?: string }[] }).requests.filter(
    (r) => (r.path ?? r.url ?? '').startsWith('/oauth/v1/token'),
  ).length;

describe('HubSpot OAuth against the emulator', () => {
  it('builds an install URL with every scope and state, exchanges the code, learns the portal by introspection', async () => {
    const url = new URL(buildInstallUrl({ clientId: 'c', redirectUri: 'https://x.example/cb', state: 's' }));
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(REQUIRED_SCOPE_LIST);
    const { portalId, tokens } = await install();
    expect(tokens.expiresAt).toBe(hs.clock.now() + 1800 * 1000);
    await expect(oauth.introspect(tokens.accessToken)).resolves.toMatchObject({ portalId });
  });

  it('recovers from a token that expired mid-batch: one refresh, one retry, no failure', async () => {
    const { portalId, tokens } = await install();
    // The stored tokens as the caller keeps them: HubSpot's 401 has them refreshed.
    let stored = tokens;
    const client = hs.client(
      { portalId, accessToken: '' },
      {
        accessToken: async () => stored.accessToken,
        onUnauthorized: async () => {
          stored = await oauth.refresh(stored.refreshToken);
        },
      },
    );
    hs.clock.advance(31 * 60_000);
    const before = await tokenCalls();
    const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
    await expect(batchReadObjects(client, 'products', ids, ['name'])).resolves.toMatchObject({ found: [] });
    expect((await tokenCalls()) - before).toBe(1);
  });

  it('reports a revoked refresh token as revoked, without the token in the message', async () => {
    const { tokens } = await install();
    await oauth.revokeRefreshToken(tokens.refreshToken);
    const error = await oauth.refresh(tokens.refreshToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotOAuthError);
    expect((error as HubSpotOAuthError).revoked).toBe(true);
    expect((error as Error).message).not.toContain(tokens.refreshToken);
  });

  it('only a refused grant is revoked: a 5xx, a dropped connection or a refused client secret is not', async () => {
    const { tokens } = await install();
    const refreshError = async (client = oauth) => {
      const error = await client.refresh(tokens.refreshToken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HubSpotOAuthError);
      return error as HubSpotOAuthError;
    };
    await hs.control('/_emulator/faults', { path: '/oauth/v1/token', status: 502 });
    expect(await refreshError()).toMatchObject({ status: 502, revoked: false });
    await hs.control('/_emulator/faults', { path: '/oauth/v1/token', drop: true });
    expect(await refreshError()).toMatchObject({ status: null, revoked: false });
    const wrongSecret = createOAuthClient({
      basePath: hs.url,
      clientId: app.clientId,
      clientSecret: 'not-the-client-secret',
      redirectUri: app.redirectUris[0] ?? '',
      now: hs.clock.now,
    });
    expect(await refreshError(wrongSecret)).toMatchObject({ status: 400, revoked: false });
    // The grant is untouched: the next refresh works.
    await expect(oauth.refresh(tokens.refreshToken)).resolves.toMatchObject({
      refreshToken: expect.any(String),
    });
  });

  it('turns a grant revoked under a running adapter into authorization_revoked, not a retry loop', async () => {
    const { portalId, tokens } = await install();
    await oauth.revokeRefreshToken(tokens.refreshToken);
    // The stored access token has expired: the token source must refresh, and HubSpot refuses.
    const client = hs.client(
      { portalId, accessToken: '' },
      { accessToken: async () => (await oauth.refresh(tokens.refreshToken)).accessToken },
    );
    hs.clock.advance(31 * 60_000);
    const reader = createHubSpotSideReader({ client, now: hs.clock.now });
    await expect(reader.readByIds('product', ['1'])).resolves.toMatchObject({
      ok: false,
      error: { code: 'authorization_revoked', retryable: false },
    });
  });
});
