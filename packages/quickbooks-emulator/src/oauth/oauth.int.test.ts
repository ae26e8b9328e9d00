import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import OAuthClient from 'intuit-oauth';
import { type Harness, startHarness, TestClock } from '../testing/harness.ts';

const REDIRECT = 'http://127.0.0.1:9/callback';

async function authorize(client: OAuthClient): Promise<string> {
  const uri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: 'st-1' });
  const res = await fetch(uri, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('location') as string;
}

describe('OAuth 2.0 with intuit-oauth, used as it is', () => {
  let h: Harness;
  const clock = new TestClock();
  let client: OAuthClient;
  const basic = () =>
    `Basic ${Buffer.from(`${h.app.control.clientId}:${h.app.control.clientSecret}`).toString('base64')}`;
  const tokenCall = (form: Record<string, string>) =>
    fetch(`${h.baseUrl}/oauth2/v1/tokens/bearer`, {
      method: 'POST',
      headers: {
        authorization: basic(),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
    });
  beforeAll(async () => {
    h = await startHarness({ clock, autoApproveConsent: true, redirectUris: [REDIRECT] });
    OAuthClient.authorizeEndpoint = `${h.baseUrl}/connect/oauth2`;
    OAuthClient.tokenEndpoint = `${h.baseUrl}/oauth2/v1/tokens/bearer`;
    OAuthClient.revokeEndpoint = `${h.baseUrl}/v2/oauth2/tokens/revoke`;
    OAuthClient.retryConfig = { ...OAuthClient.retryConfig, maxRetries: 0 };
    client = new OAuthClient({
      clientId: h.app.control.clientId,
      clientSecret: h.app.control.clientSecret,
      environment: 'sandbox',
      redirectUri: REDIRECT,
    });
  });
  afterAll(() => h.close());

  it('authorize redirects with code, state and realmId; the code buys tokens that call the API', async () => {
    const location = await authorize(client);
    const params = new URL(location).searchParams;
    expect(params.get('state')).toBe('st-1');
    expect(params.get('code')).toMatch(/^AB11/);
    const realmId = params.get('realmId') as string;
    const auth = await client.createToken(location);
    const token = auth.getJson();
    expect(token).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      x_refresh_token_expires_in: expect.any(Number),
    });
    const res = await client.makeApiCall({
      url: `${h.baseUrl}/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`,
    });
    expect((res.json as { CompanyInfo: { Country: string } }).CompanyInfo.Country).toBe('US');
  });

  it('a reused authorization code is refused and invalidates the tokens it produced', async () => {
    const location = await authorize(client);
    const code = new URL(location).searchParams.get('code') as string;
    const first = await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    const tokens = (await first.json()) as { access_token: string; refresh_token: string };
    const again = await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant' });
    const refreshed = await tokenCall({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(400);
  });

  it('refresh rotates the refresh token; the previous one works for 24 hours; access tokens expire after 1 hour', async () => {
    const location = await authorize(client);
    const realmId = new URL(location).searchParams.get('realmId') as string;
    const code = new URL(location).searchParams.get('code') as string;
    const t0 = (await (
      await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })
    ).json()) as { access_token: string; refresh_token: string };
    const t1 = (await (
      await tokenCall({ grant_type: 'refresh_token', refresh_token: t0.refresh_token })
    ).json()) as { access_token: string; refresh_token: string };
    expect(t1.refresh_token).not.toBe(t0.refresh_token);
    clock.tick(23 * 3600 * 1000);
    expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: t0.refresh_token })).status).toBe(
      200,
    );
    clock.tick(2 * 3600 * 1000);
    const late = await tokenCall({ grant_type: 'refresh_token', refresh_token: t0.refresh_token });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: string }).error).toBe('invalid_grant');
    const expired = await fetch(`${h.baseUrl}/v3/company/${realmId}/preferences`, {
      headers: { authorization: `Bearer ${t1.access_token}` },
    });
    expect(expired.status).toBe(401);
    const body = (await expired.json()) as {
      fault: { error: Array<{ detail: string; code: string }>; type: string };
    };
    expect(body.fault.type).toBe('AUTHENTICATION');
    expect(body.fault.error[0]?.code).toBe('3200');
    expect(body.fault.error[0]?.detail).toMatch(/^Token expired: /);
  });

  it('token endpoint errors: bad client 401 invalid_client, unknown grant type, bad refresh token', async () => {
    const bad = await fetch(`${h.baseUrl}/oauth2/v1/tokens/bearer`, {
      method: 'POST',
      headers: { authorization: 'Basic eDp5', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=x',
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_client');
    expect(((await (await tokenCall({ grant_type: 'password' })).json()) as { error: string }).error).toBe(
      'unsupported_grant_type',
    );
    expect(
      (
        (await (await tokenCall({ grant_type: 'refresh_token', refresh_token: 'nope' })).json()) as {
          error: string;
        }
      ).error,
    ).toBe('invalid_grant');
  });

  it('revoke ends the grant', async () => {
    const location = await authorize(client);
    const realmId = new URL(location).searchParams.get('realmId') as string;
    await client.createToken(location);
    const access = client.getToken().access_token as string;
    await client.revoke({ refresh_token: client.getToken().refresh_token });
    const res = await fetch(`${h.baseUrl}/v3/company/${realmId}/preferences`, {
      headers: { authorization: `Bearer ${access}` },
    });
    expect(res.status).toBe(401);
  });

  it('a token for one realm gets 403 on another', async () => {
    const other = (await h.control('POST', '/realms', {})).body.realmId as string;
    const mine = (await h.control('POST', '/tokens', { realmId: h.realmId })).body.access_token as string;
    const ok = await fetch(`${h.baseUrl}/v3/company/${h.realmId}/preferences`, {
      headers: { authorization: `Bearer ${mine}` },
    });
    expect(ok.status).toBe(200);
    const res = await fetch(`${h.baseUrl}/v3/company/${other}/preferences`, {
      headers: { authorization: `Bearer ${mine}` },
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as {
      fault: { error: Array<{ code: string; message: string }>; type: string };
    };
    expect(body.fault).toMatchObject({ type: 'SERVICE', error: [{ code: '3100' }] });
    expect(body.fault.error[0]?.message).toContain('ApplicationAuthorizationFailed');
  });
});

describe('consent page', () => {
  it('shows a page and approves through it', async () => {
    const h = await startHarness({});
    const q = new URLSearchParams({
      client_id: h.app.control.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'com.intuit.quickbooks.accounting',
      state: 's',
    });
    const page = await fetch(`${h.baseUrl}/connect/oauth2?${q}`);
    const html = await page.text();
    expect(html).toContain('<form');
    expect(html).toContain(h.realmId);
    const approved = await fetch(
      `${h.baseUrl}/connect/oauth2/approve?${q}&realmId=${h.realmId}&decision=allow`,
      { redirect: 'manual' },
    );
    const loc = new URL(approved.headers.get('location') as string);
    expect(loc.searchParams.get('realmId')).toBe(h.realmId);
    const denied = await fetch(`${h.baseUrl}/connect/oauth2/approve?${q}&decision=deny`, {
      redirect: 'manual',
    });
    expect(new URL(denied.headers.get('location') as string).searchParams.get('error')).toBe('access_denied');
    const badClient = await fetch(
      `${h.baseUrl}/connect/oauth2?${q.toString().replace(h.app.control.clientId, 'nope')}`,
    );
    expect(badClient.status).toBe(400);
    await h.close();
  });
});
