import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { constantTimeEqual } from '../security/constant-time-equal.ts';

/** `hubspot.fetch` cannot download a file, so the page opens a link; it works this long. */
export const EXPORT_LINK_LIFETIME_MS = 5 * 60_000;

export interface ExportLinkClaims {
  portalId: string;
  hubId: string;
  /** ISO time: invoices created before it; null means "before invoice sync started". */
  before: string | null;
  expiresAtMs: number;
}

const claimsSchema = z
  .object({
    portalId: z.uuid(),
    hubId: z.string().regex(/^\d{1,18}$/),
    before: z.string().nullable(),
    expiresAtMs: z.number().int().positive(),
  })
  .strict();

// Domain-separated from OAuth states, which share the signing secret.
const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`ledgersync.export-link.v1.${payload}`).digest('base64url');

export function signExportLink(secret: string, claims: ExportLinkClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `v1.${payload}.${mac(secret, payload)}`;
}

export type ExportLinkCheck =
  | { ok: true; claims: ExportLinkClaims }
  | { ok: false; reason: 'invalid' | 'expired' | 'wrong_portal' };

/** Altered or malformed → invalid; past its time → expired; for another portal → wrong_portal. */
export function verifyExportLink(
  secret: string,
  token: string,
  hubId: string,
  nowMs: number,
): ExportLinkCheck {
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== 'v1' || !payload || !signature || rest.length > 0) return { ok: false, reason: 'invalid' };
  if (!constantTimeEqual(mac(secret, payload), signature)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'invalid' };
  if (claims.data.expiresAtMs <= nowMs) return { ok: false, reason: 'expired' };
  if (claims.data.hubId !== hubId) return { ok: false, reason: 'wrong_portal' };
  return { ok: true, claims: claims.data };
}
