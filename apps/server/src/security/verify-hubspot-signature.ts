import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './constant-time-equal.ts';

/** HubSpot rejects requests older than this; so do we (webhooks and `hubspot.fetch` alike). */
export const HUBSPOT_SIGNATURE_WINDOW_MS = 5 * 60_000;

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

// HubSpot decodes these escapes in the URI before hashing; every other escape stays as sent.
const DECODED_ESCAPES: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function normaliseSignedUri(url: string): string {
  return url.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (m) => DECODED_ESCAPES[m.toUpperCase()] ?? m,
  );
}

export function hubSpotSignatureV3(
  clientSecret: string,
  method: string,
  url: string,
  rawBody: string,
  timestamp: string,
): string {
  const source = `${method.toUpperCase()}${normaliseSignedUri(url)}${rawBody}${timestamp}`;
  return createHmac('sha256', clientSecret).update(source, 'utf8').digest('base64');
}

/**
 * `X-HubSpot-Signature-v3`: base64 HMAC-SHA256 (client secret) of method + URI + raw body +
 * timestamp (ms). Stale or far-future timestamps are refused so a captured request has a short life.
 */
export function verifyHubSpotSignatureV3(
  request: HubSpotSignedRequest,
  clientSecret: string,
  nowMs: number,
): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature || !timestamp || !/^\d{1,15}$/.test(timestamp)) {
    return { ok: false, reason: 'missing_signature' };
  }
  const timestampMs = Number(timestamp);
  if (Math.abs(nowMs - timestampMs) > HUBSPOT_SIGNATURE_WINDOW_MS) return { ok: false, reason: 'expired' };
  const expected = hubSpotSignatureV3(clientSecret, request.method, request.url, request.rawBody, timestamp);
  return constantTimeEqual(expected, signature)
    ? { ok: true, timestampMs }
    : { ok: false, reason: 'mismatch' };
}
