import { randomBytes, randomUUID } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 1800;

export interface AccessTokenRecord {
  token: string;
  portalId: number;
  appId: number;
  userId: number;
  userEmail: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  portalId: number;
  appId: number;
  userId: number;
  userEmail: string;
  scopes: string[];
  revoked: boolean;
}

export interface AuthCodeRecord {
  code: string;
  portalId: number;
  userId: number;
  scopes: string[];
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface TokenPair {
  access: AccessTokenRecord;
  refresh: RefreshTokenRecord;
}

/** Access tokens, refresh tokens and authorization codes of the one emulated app. */
export class TokenStore {
  readonly access = new Map<string, AccessTokenRecord>();
  readonly refresh = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, AuthCodeRecord>();

  issue(
    grant: Omit<RefreshTokenRecord, 'token' | 'revoked'>,
    now: number,
    existingRefresh?: RefreshTokenRecord,
  ): TokenPair {
    const refresh = existingRefresh ?? { ...grant, token: `na1-${randomUUID()}`, revoked: false };
    this.refresh.set(refresh.token, refresh);
    const access: AccessTokenRecord = {
      ...grant,
      // HubSpot access tokens are opaque, variable-length strings; this keeps the look and stays < 300 chars.
      token: `CN${randomBytes(48).toString('base64url')}`,
      expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000,
      revoked: false,
    };
    this.access.set(access.token, access);
    return { access, refresh };
  }

  newCode(record: Omit<AuthCodeRecord, 'code' | 'used'>): AuthCodeRecord {
    const code: AuthCodeRecord = { ...record, code: randomUUID(), used: false };
    this.codes.set(code.code, code);
    return code;
  }

  /** Uninstall: every token of the portal stops working. */
  revokePortal(portalId: number): void {
    for (const t of this.access.values()) if (t.portalId === portalId) t.revoked = true;
    for (const t of this.refresh.values()) if (t.portalId === portalId) t.revoked = true;
  }
}

export function tokenResponse(pair: TokenPair): Record<string, unknown> {
  return {
    token_type: 'bearer',
    refresh_token: pair.refresh.token,
    access_token: pair.access.token,
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    hub_id: pair.access.portalId,
    user_id: pair.access.userId,
    scopes: pair.access.scopes,
    token_use: 'access_token',
  };
}
