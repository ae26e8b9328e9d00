import OAuthClient from 'intuit-oauth';
import { z } from 'zod';
import { QboError } from '../errors/qbo-error.ts';
import {
  INTUIT_OAUTH_ENDPOINTS,
  type IntuitOAuthEndpoints,
  QBO_ACCOUNTING_SCOPE,
} from './intuit-endpoints.ts';

export interface QuickBooksOAuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly endpoints?: IntuitOAuthEndpoints;
  readonly environment?: 'sandbox' | 'production';
  readonly now?: () => Date;
}

/** One connection's tokens. Times are ISO strings so the set can be stored as JSON. */
export interface QboTokenSet {
  readonly realmId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshTokenExpiresAt: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number(),
  x_refresh_token_expires_in: z.coerce.number(),
});

type Static = 'authorizeEndpoint' | 'tokenEndpoint' | 'revokeEndpoint';

/**
 * intuit-oauth keeps its endpoints in process-wide statics. They are set just around each call
 * and restored at once: the library copies the URL into its request synchronously, so two
 * clients with different bases in one process never see each other's endpoints.
 */
function withEndpoints<T>(endpoints: IntuitOAuthEndpoints, call: () => T): T {
  const target = OAuthClient as unknown as Record<Static, string>;
  const saved = { a: target.authorizeEndpoint, t: target.tokenEndpoint, r: target.revokeEndpoint };
  target.authorizeEndpoint = endpoints.authorize;
  target.tokenEndpoint = endpoints.token;
  target.revokeEndpoint = endpoints.revoke;
  try {
    return call();
  } finally {
    target.authorizeEndpoint = saved.a;
    target.tokenEndpoint = saved.t;
    target.revokeEndpoint = saved.r;
  }
}

/** Reports an OAuth failure by its OAuth error code only: never tokens, secrets or bodies. */
function oauthFailure(action: string, cause: unknown): QboError {
  const e = (cause ?? {}) as { error?: unknown; error_description?: unknown; code?: unknown };
  const code = typeof e.error === 'string' ? e.error : 'unknown_error';
  const description = typeof e.error_description === 'string' ? e.error_description : '';
  const safe = /^[a-z_]+$/.test(code) ? code : 'unknown_error';
  const refused = `Intuit refused the ${action}: ${safe}${description ? ` (${description.slice(0, 200)})` : ''}`;
  // Only invalid_grant says the grant itself is gone (revoked, expired, already used): the company
  // must be connected again. A refused client id or secret is our configuration, which no admin
  // can fix by reconnecting; anything else (5xx, network) may work on the next try.
  if (safe === 'invalid_grant') return new QboError('AuthorizationRevoked', refused, 400, null);
  if (safe === 'invalid_client' || safe === 'unauthorized_client') {
    return new QboError('Unauthorized', `${refused}: check QBO_CLIENT_ID and QBO_CLIENT_SECRET`, 401, null);
  }
  return new QboError('Network', `The ${action} at Intuit failed: ${safe}`, null, null);
}

export function createQuickBooksOAuth(options: QuickBooksOAuthOptions) {
  const endpoints = options.endpoints ?? INTUIT_OAUTH_ENDPOINTS;
  const now = options.now ?? (() => new Date());

  function client(): OAuthClient {
    const c = new OAuthClient({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri,
      environment: options.environment ?? 'production',
      logging: false,
    });
    // Retries belong to the caller (single-flight refresh, job retries), not hidden in here.
    (c as unknown as { shouldRetry: () => boolean }).shouldRetry = () => false;
    return c;
  }

  function toSet(realmId: string, json: unknown): QboTokenSet {
    const t = tokenResponse.parse(json);
    const at = now().getTime();
    return {
      realmId,
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      accessTokenExpiresAt: new Date(at + t.expires_in * 1000).toISOString(),
      refreshTokenExpiresAt: new Date(at + t.x_refresh_token_expires_in * 1000).toISOString(),
    };
  }

  return {
    /** The consent URL; `state` is the caller's CSRF value, checked again on the callback. */
    authorizeUrl(state: string, scopes: readonly string[] = [QBO_ACCOUNTING_SCOPE]): string {
      return withEndpoints(endpoints, () => client().authorizeUri({ scope: [...scopes], state }));
    },

    /** Exchanges the callback's `code` for tokens of the company `realmId` (from the callback too). */
    async exchangeCode(code: string, realmId: string): Promise<QboTokenSet> {
      const query = new URLSearchParams({ code, realmId }).toString();
      try {
        const response = await withEndpoints(endpoints, () =>
          client().createToken(`${options.redirectUri}?${query}`),
        );
        return toSet(realmId, response.getJson());
      } catch (cause) {
        throw oauthFailure('code exchange', cause);
      }
    },

    /** Returns a new token set; Intuit may rotate the refresh token, so store it before using it. */
    async refresh(realmId: string, refreshToken: string): Promise<QboTokenSet> {
      try {
        const response = await withEndpoints(endpoints, () => client().refreshUsingToken(refreshToken));
        return toSet(realmId, response.getJson());
      } catch (cause) {
        throw oauthFailure('token refresh', cause);
      }
    },

    /** Revokes the grant (access or refresh token): R-CON-3 disconnect. */
    async revoke(token: string): Promise<void> {
      try {
        await withEndpoints(endpoints, () => client().revoke({ refresh_token: token }));
      } catch (cause) {
        throw oauthFailure('revoke', cause);
      }
    },
  };
}

export type QuickBooksOAuth = ReturnType<typeof createQuickBooksOAuth>;
