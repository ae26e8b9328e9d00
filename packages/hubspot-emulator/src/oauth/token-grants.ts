import type { TokenPair } from '../auth/token-store.ts';
import type { EmulatorState } from '../state.ts';
import { OAuthError } from './oauth-errors.ts';

export type TokenForm = Record<string, string | undefined>;

function checkClient(state: EmulatorState, form: TokenForm): void {
  if (form.client_id !== state.app.clientId) {
    throw new OAuthError('invalid_client', 'BAD_CLIENT_ID', 'missing or unknown client id');
  }
  if (form.client_secret !== state.app.clientSecret) {
    throw new OAuthError('invalid_client', 'BAD_CLIENT_SECRET', 'missing or invalid client secret');
  }
}

/** `authorization_code` and `refresh_token` grants, as `/oauth/v1/token` and `/oauth/v3/token` share them. */
export function grantTokens(state: EmulatorState, form: TokenForm): TokenPair {
  const now = state.clock.now();
  if (form.grant_type === 'authorization_code') {
    checkClient(state, form);
    const code = form.code ? state.tokens.codes.get(form.code) : undefined;
    if (!code || code.used || code.expiresAt <= now) {
      throw new OAuthError('invalid_grant', 'BAD_AUTH_CODE', 'missing or invalid auth code');
    }
    if (form.redirect_uri !== code.redirectUri) {
      throw new OAuthError(
        'invalid_grant',
        'BAD_REDIRECT_URI',
        'redirect_uri does not match the one used to authorize',
      );
    }
    code.used = true;
    const portal = state.portal(code.portalId);
    portal.installed = true;
    return state.tokens.issue(
      {
        portalId: code.portalId,
        appId: state.app.appId,
        userId: code.userId,
        userEmail: `user${code.userId}@${portal.settings.domain}`,
        scopes: code.scopes,
      },
      now,
    );
  }
  if (form.grant_type === 'refresh_token') {
    checkClient(state, form);
    const refresh = form.refresh_token ? state.tokens.refresh.get(form.refresh_token) : undefined;
    if (!refresh || refresh.revoked) {
      throw new OAuthError('invalid_grant', 'BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
    }
    const { token: _t, revoked: _r, ...grant } = refresh;
    return state.tokens.issue(grant, now, refresh);
  }
  throw new OAuthError(
    'unsupported_grant_type',
    'BAD_GRANT_TYPE',
    `unsupported grant_type ${form.grant_type ?? ''}`,
  );
}
