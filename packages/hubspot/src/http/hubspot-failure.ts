import type { SyncError, SyncErrorCode } from '@ledgersync/sync-engine';
import { z } from 'zod';

/**
 * What went wrong on one HubSpot call, reduced to what is safe to store and show: status,
 * HubSpot's category and message, correlation id. Never the request, its headers or a token.
 */
export interface HubSpotFailure {
  readonly status: number | null;
  readonly category: string | null;
  readonly message: string;
  readonly correlationId: string | null;
  readonly policyName: string | null;
  /** Present for a network failure (ECONNRESET, ETIMEDOUT…). */
  readonly networkCode: string | null;
}

const errorBodySchema = z
  .object({
    category: z.string().optional(),
    message: z.string().optional(),
    correlationId: z.string().optional(),
    policyName: z.string().optional(),
  })
  .loose();

/** Reads an SDK `ApiException` (numeric `code` + raw body) or a fetch/network error. */
export function toHubSpotFailure(error: unknown): HubSpotFailure {
  const e = error as { code?: unknown; body?: unknown; message?: unknown; errno?: unknown };
  if (typeof e?.code === 'number') {
    const parsed = errorBodySchema.safeParse(typeof e.body === 'string' ? safeJson(e.body) : e.body);
    const body = parsed.success ? parsed.data : {};
    return {
      status: e.code,
      category: body.category ?? null,
      message: body.message ?? `HubSpot answered HTTP ${e.code}`,
      correlationId: body.correlationId ?? null,
      policyName: body.policyName ?? null,
      networkCode: null,
    };
  }
  const code = typeof e?.code === 'string' ? e.code : 'NETWORK';
  return {
    status: null,
    category: null,
    message: `Network failure talking to HubSpot (${code})`,
    correlationId: null,
    policyName: null,
    networkCode: code,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export function isRetryable(f: HubSpotFailure): boolean {
  return f.status === null || f.status === 429 || f.status >= 500;
}

export function isSecondlyLimit(f: HubSpotFailure): boolean {
  return f.policyName === 'SECONDLY' || /secondly limit/i.test(f.message);
}

/** Category we give a failure to obtain a token because the grant is gone (uninstall, revoke). */
export const OAUTH_REVOKED = 'OAUTH_REVOKED';

function codeFor(f: HubSpotFailure): SyncErrorCode {
  if (f.status === null || f.status >= 500) return 'remote_unavailable';
  if (f.status === 429) return 'rate_limited';
  if (f.status === 401)
    return f.category === OAUTH_REVOKED ? 'authorization_revoked' : 'authorization_expired';
  if (f.status === 403)
    return f.category === 'MISSING_SCOPES' ? 'authorization_revoked' : 'unexpected_remote_error';
  // 409 is a unique-value clash (e.g. a contact with that email exists), not a stale version.
  if (f.status === 400 || f.status === 404 || f.status === 409) return 'invalid_field_value';
  return 'unexpected_remote_error';
}

/** Maps a failure onto the engine's catalogue; the details carry what support needs, nothing secret. */
export function toSyncError(f: HubSpotFailure): SyncError {
  const details: Record<string, string> = {};
  if (f.status !== null) details.status = String(f.status);
  if (f.category) details.category = f.category;
  if (f.correlationId) details.correlationId = f.correlationId;
  return { code: codeFor(f), message: f.message, retryable: isRetryable(f), details };
}

/** A token supplier's failure, as a call failure: revoked grants are not retried. */
export function tokenFailure(error: unknown): HubSpotFailure {
  const e = error as { revoked?: unknown; status?: unknown; message?: unknown };
  const revoked = e?.revoked === true;
  const status = revoked ? 401 : typeof e?.status === 'number' && e.status >= 500 ? e.status : null;
  return {
    status,
    category: revoked ? OAUTH_REVOKED : 'OAUTH_REFRESH_FAILED',
    message: `Could not obtain a HubSpot access token: ${typeof e?.message === 'string' ? e.message : 'unknown error'}`,
    correlationId: null,
    policyName: null,
    networkCode: null,
  };
}

/** Thrown inside the adapter only; ports turn it back into a value. */
export class HubSpotCallError extends Error {
  constructor(readonly failure: HubSpotFailure) {
    super(failure.message);
    this.name = 'HubSpotCallError';
  }
}
