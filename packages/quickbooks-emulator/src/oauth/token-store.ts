import { randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_TTL_S = 3600;
export const REFRESH_TOKEN_TTL_S = 8726400;
const PREVIOUS_REFRESH_GRACE_MS = 24 * 3600 * 1000;
const AUTH_CODE_TTL_MS = 5 * 60 * 1000;

interface Grant {
  id: string;
  realmId: string;
  revoked: boolean;
}

interface AccessToken {
  grant: Grant;
  expiresAt: number;
}

interface RefreshToken {
  grant: Grant;
  expiresAt: number;
  /** Set when a newer refresh token replaced this one; it keeps working for 24 hours after. */
  supersededAt?: number;
}

interface AuthCode {
  realmId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
  grant?: Grant;
}

export interface TokenResponse {
  token_type: 'bearer';
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
}

export type AccessCheck =
  | { ok: true; realmId: string }
  | { ok: false; reason: 'expired' | 'unknown' | 'malformed' };

function token(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

// Intuit refresh tokens and codes look like `AB11` + 46 letters and digits.
function alnum(prefix: string, length: number): string {
  const chars = randomBytes(length * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
  return `${prefix}${chars.slice(0, length)}`;
}

/** OAuth grants, codes and tokens of the emulated Intuit identity service. */
export class TokenStore {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, AuthCode>();
  private grantSeq = 0;

  issueCode(realmId: string, redirectUri: string, nowMs: number): string {
    const code = alnum('AB11', 46);
    this.codes.set(code, { realmId, redirectUri, expiresAt: nowMs + AUTH_CODE_TTL_MS, used: false });
    return code;
  }

  /** Exchanges a code. A reused code revokes the tokens it produced (Intuit's replay defence). */
  redeemCode(code: string, redirectUri: string | undefined, nowMs: number): TokenResponse | undefined {
    const c = this.codes.get(code);
    if (!c) return undefined;
    if (c.used) {
      if (c.grant) c.grant.revoked = true;
      return undefined;
    }
    if (c.expiresAt < nowMs || (redirectUri !== undefined && redirectUri !== c.redirectUri)) return undefined;
    c.used = true;
    c.grant = this.newGrant(c.realmId);
    return this.issue(c.grant, nowMs);
  }

  issueForRealm(realmId: string, nowMs: number): TokenResponse {
    return this.issue(this.newGrant(realmId), nowMs);
  }

  refreshWith(refreshToken: string, nowMs: number): TokenResponse | undefined {
    const r = this.refresh.get(refreshToken);
    if (!r || r.grant.revoked || r.expiresAt < nowMs) return undefined;
    if (r.supersededAt !== undefined && nowMs - r.supersededAt > PREVIOUS_REFRESH_GRACE_MS) return undefined;
    for (const other of this.refresh.values()) {
      if (other.grant === r.grant && other.supersededAt === undefined) other.supersededAt = nowMs;
    }
    return this.issue(r.grant, nowMs);
  }

  /** Revoking either token ends the whole grant, as Intuit's revoke endpoint does. */
  revoke(tokenValue: string): boolean {
    const grant = this.access.get(tokenValue)?.grant ?? this.refresh.get(tokenValue)?.grant;
    if (!grant) return false;
    grant.revoked = true;
    return true;
  }

  checkAccess(tokenValue: string, nowMs: number): AccessCheck {
    const a = this.access.get(tokenValue);
    if (!a || a.grant.revoked) return { ok: false, reason: tokenValue.length < 20 ? 'malformed' : 'unknown' };
    if (a.expiresAt <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, realmId: a.grant.realmId };
  }

  reset(): void {
    this.access.clear();
    this.refresh.clear();
    this.codes.clear();
  }

  private newGrant(realmId: string): Grant {
    this.grantSeq += 1;
    return { id: String(this.grantSeq), realmId, revoked: false };
  }

  private issue(grant: Grant, nowMs: number): TokenResponse {
    const access_token = token('eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..', 96);
    const refresh_token = alnum('AB11', 46);
    this.access.set(access_token, { grant, expiresAt: nowMs + ACCESS_TOKEN_TTL_S * 1000 });
    this.refresh.set(refresh_token, { grant, expiresAt: nowMs + REFRESH_TOKEN_TTL_S * 1000 });
    return {
      token_type: 'bearer',
      access_token,
      refresh_token,
      expires_in: ACCESS_TOKEN_TTL_S,
      x_refresh_token_expires_in: REFRESH_TOKEN_TTL_S,
    };
  }
}
