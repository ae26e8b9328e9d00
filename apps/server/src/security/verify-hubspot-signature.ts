import { SIGNATURE_MAX_AGE_MS, verifyHubSpotSignatureV3 as verifyWithAdapter } from '@ledgersync/hubspot';

/** HubSpot rejects requests older than this; so do we (webhooks and `hubspot.fetch` alike). */
export const HUBSPOT_SIGNATURE_WINDOW_MS = SIGNATURE_MAX_AGE_MS;

export interface HubSpotSignedRequest {
  method: string;
  /** The full URL as HubSpot called it: scheme, host, path and query string. */
  url: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

export type SignatureCheck =
  | { ok: true; timestampMs: number }
  | { ok: false; reason: 'missing_signature' | 'expired' | 'mismatch' };

/**
 * `X-HubSpot-Signature-v3` through the HubSpot adapter's check (5-minute window, HubSpot's URI
 * decoding, constant-time compare). The server only adds a strict timestamp format and hands the
 * timestamp back, since the replay guard keys on it.
 */
export function verifyHubSpotSignatureV3(
  request: HubSpotSignedRequest,
  clientSecret: string,
  nowMs: number,
): SignatureCheck {
  const { timestamp } = request;
  if (!request.signature || !timestamp || !/^\d{1,15}$/.test(timestamp)) {
    return { ok: false, reason: 'missing_signature' };
  }
  const check = verifyWithAdapter({ ...request, clientSecret, now: nowMs });
  if (check.valid) return { ok: true, timestampMs: Number(timestamp) };
  return { ok: false, reason: check.reason === 'missing' ? 'missing_signature' : check.reason };
}
