import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

const REDIRECT = 'http://localhost:3000/oauth/hubspot/callback';
let emu: RunningEmulator;
let app: { clientId: string; clientSecret: string };
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
  app = (await (await fetch(`${emu.url}/_emulator/app`)).json()) as typeof app;
});
afterAll(() => emu.close());

async function authorizeCode(portalId: number, scope: string): Promise<URL> {
  const q = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: REDIRECT,
    scope,
    state: 'nonce-1',
    auto: '1',
    portalId: String(portalId),
  });
  const res = await fetch(`${emu.url}/oauth/authorize?${q}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('OAuth', () => {
  it('shows an install page, then runs the code flow through the SDK and introspects the token', async () => {
    const { portalId } = (await (await emu.post('/_emulator/portals', {})).json()) as { portalId: number };
    const page = await fetch(
      `${emu.url}/oauth/authorize?${new URLSearchParams({ client_id: app.clientId, redirect_uri: REDIRECT, scope: 'oauth' })}`,
    );
    expect(await page.text()).toContain(`Connect account ${portalId}`);
    const back = await authorizeCode(portalId, 'oauth crm.objects.invoices.read');
    expect(back.searchParams.get('state')).toBe('nonce-1');
    const code = back.searchParams.get('code') ?? '';
    const sdk = new Client({ basePath: emu.url });
    const tokens = await sdk.oauth.tokensApi.create(
      'authorization_code',
      code,
      REDIRECT,
      app.clientId,
      app.clientSecret,
    );
    expect(tokens).toMatchObject({ expiresIn: 1800, tokenType: 'bearer' });
    const info = await sdk.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info).toMatchObject({ hubId: portalId, scopes: ['oauth', 'crm.objects.invoices.read'] });
    const reused = await sdkError(
      sdk.oauth.tokensApi.create('authorization_code', code, REDIRECT, app.clientId, app.clientSecret),
    );
    expect(reused.code).toBe(400);
    expect(reused.body).toMatchObject({ error: 'invalid_grant', status: 'BAD_AUTH_CODE' });
    const refreshed = await sdk.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      app.clientId,
      app.clientSecret,
      tokens.refreshToken,
    );
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const badSecret = await sdkError(
      sdk.oauth.tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        app.clientId,
        'nope',
        tokens.refreshToken,
      ),
    );
    expect(badSecret.body).toMatchObject({ error: 'invalid_client' });
    await sdk.oauth.refreshTokensApi.archive(tokens.refreshToken);
    const afterDelete = await sdkError(
      sdk.oauth.tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        app.clientId,
        app.clientSecret,
        tokens.refreshToken,
      ),
    );
    expect(afterDelete.body).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
  });

  it('expires access tokens after 30 minutes of emulator time', async () => {
    const { client } = await emu.portalWithClient();
    await client.crm.objects.basicApi.getPage('contacts');
    await emu.post('/_emulator/clock/advance', { ms: 1800 * 1000 });
    const expired = await sdkError(client.crm.objects.basicApi.getPage('contacts'));
    expect(expired.code).toBe(401);
    expect(expired.body.category).toBe('EXPIRED_AUTHENTICATION');
  });

  it('invalidates every token on uninstall', async () => {
    const { client, portalId, refreshToken } = await emu.portalWithClient();
    await emu.post(`/_emulator/portals/${portalId}/uninstall`, {});
    expect((await sdkError(client.crm.objects.basicApi.getPage('contacts'))).code).toBe(401);
    const res = await fetch(
      `${emu.url}/oauth/v1/token`,
      form({
        grant_type: 'refresh_token',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        refresh_token: refreshToken,
      }),
    );
    expect(res.status).toBe(400);
  });

  it('uninstalls the app through the app uninstalls API (DELETE /appinstalls/v3/external-install)', async () => {
    const { client, accessToken, refreshToken } = await emu.portalWithClient();
    const res = await fetch(`${emu.url}/appinstalls/v3/external-install`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(204);
    expect((await sdkError(client.crm.objects.basicApi.getPage('contacts'))).code).toBe(401);
    const refresh = await fetch(
      `${emu.url}/oauth/v1/token`,
      form({
        grant_type: 'refresh_token',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        refresh_token: refreshToken,
      }),
    );
    expect(refresh.status).toBe(400);
    const again = await fetch(`${emu.url}/appinstalls/v3/external-install`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(again.status).toBe(401);
  });

  it('serves the v3 token, introspect and revoke endpoints', async () => {
    const { portalId } = (await (await emu.post('/_emulator/portals', {})).json()) as { portalId: number };
    const code = (await authorizeCode(portalId, 'oauth')).searchParams.get('code') ?? '';
    const creds = { client_id: app.clientId, client_secret: app.clientSecret };
    const tokenRes = await fetch(
      `${emu.url}/oauth/v3/token`,
      form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...creds }),
    );
    const token = (await tokenRes.json()) as { access_token: string };
    const intro = await fetch(
      `${emu.url}/oauth/v3/token/introspect`,
      form({ token: token.access_token, ...creds }),
    );
    expect(await intro.json()).toMatchObject({ active: true, hub_id: portalId, token_use: 'access_token' });
    expect(
      (await fetch(`${emu.url}/oauth/v3/token/revoke`, form({ token: token.access_token, ...creds }))).status,
    ).toBe(200);
    const after = await fetch(
      `${emu.url}/oauth/v3/token/introspect`,
      form({ token: token.access_token, ...creds }),
    );
    expect(await after.json()).toEqual({ active: false });
  });

  it('redirects with an error for scopes the app does not have', async () => {
    const q = new URLSearchParams({
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      scope: 'tickets',
      auto: '1',
    });
    const res = await fetch(`${emu.url}/oauth/authorize?${q}`, { redirect: 'manual' });
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });
});
