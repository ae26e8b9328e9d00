import { Client } from '@hubspot/api-client';
import { toHubSpotFailure } from '../http/hubspot-failure.ts';

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms when the access token stops working (from `expires_in`, never assumed). */
  readonly expiresAt: number;
}

export interface OAuthClientOptions {
  readonly basePath: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly now: () => number;
  readonly fetch?: typeof fetch;
}

export interface TokenInfo {
  readonly portalId: string;
  readonly appId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly expiresInSeconds: number;
}

/** Failures carry HubSpot's status and message only: never a token, code or secret. */
export class HubSpotOAuthError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** True when the grant is gone (uninstalled, revoked): reconnect, do not retry. */
    readonly revoked: boolean,
  ) {
    super(message);
    this.name = 'HubSpotOAuthError';
  }
}

async function guard<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const f = toHubSpotFailure(error);
    const body = (error as { body?: { error?: string; status?: string } }).body;
    // Only HubSpot's refusal of the grant itself (invalid_grant, BAD_REFRESH_TOKEN) means
    // "install again"; a 5xx, a network failure or a refused client secret leaves the grant alone.
    const revoked = body?.error === 'invalid_grant' || body?.status === 'BAD_REFRESH_TOKEN';
    throw new HubSpotOAuthError(`${what} failed: ${f.message}`, f.status, revoked);
  }
}

/** Token endpoint calls through the SDK (v1 paths, which `@hubspot/api-client` 13 wraps). */
export function createOAuthClient(options: OAuthClientOptions) {
  // OAuth calls carry no bearer token; one SDK client with retries off serves them all.
  const sdk = new Client({ basePath: options.basePath, numberOfApiCallRetries: 0 });
  const oauth = sdk.oauth;
  const toSet = (
    r: { accessToken: string; refreshToken: string; expiresIn: number },
    at: number,
  ): TokenSet => ({
    accessToken: r.accessToken,
    refreshToken: r.refreshToken,
    expiresAt: at + r.expiresIn * 1000,
  });
  const doFetch = options.fetch ?? fetch;

  return {
    async exchangeCode(code: string): Promise<TokenSet> {
      const at = options.now();
      const r = await guard('Code exchange', () =>
        oauth.tokensApi.create(
          'authorization_code',
          code,
          options.redirectUri,
          options.clientId,
          options.clientSecret,
        ),
      );
      return toSet(r, at);
    },

    async refresh(refreshToken: string): Promise<TokenSet> {
      const at = options.now();
      const r = await guard('Token refresh', () =>
        oauth.tokensApi.create(
          'refresh_token',
          undefined,
          undefined,
          options.clientId,
          options.clientSecret,
          refreshToken,
        ),
      );
      return toSet(r, at);
    },

    /** Learns which portal (hub id) and app a token belongs to. */
    async introspect(accessToken: string): Promise<TokenInfo> {
      const r = await guard('Token introspection', () => oauth.accessTokensApi.get(accessToken));
      return {
        portalId: String(r.hubId),
        appId: String(r.appId),
        userId: String(r.userId),
        scopes: r.scopes,
        expiresInSeconds: r.expiresIn,
      };
    },

    /** Uninstalls the app from the portal (HubSpot emails the customer). */
    async uninstall(accessToken: string): Promise<void> {
      const res = await doFetch(new URL('/appinstalls/v3/external-install', options.basePath), {
        method: 'DELETE',
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (res.status !== 204 && !res.ok) {
        throw new HubSpotOAuthError(`Uninstall failed: HTTP ${res.status}`, res.status, res.status === 401);
      }
    },

    /** Deletes a refresh token (does not uninstall; issued access tokens live until they expire). */
    async revokeRefreshToken(refreshToken: string): Promise<void> {
      await guard('Refresh token revocation', () => oauth.refreshTokensApi.archive(refreshToken));
    },
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;
