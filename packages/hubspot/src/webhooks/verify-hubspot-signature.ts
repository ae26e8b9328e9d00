import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects requests older than this; so do we (webhooks and `hubspot.fetch` alike). */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

export interface SignatureV3Input {
  readonly method: string;
  /** The full URL as HubSpot called it: scheme, host, path and query exactly as received. */
  readonly url: string;
  /** The raw body bytes (or their UTF-8 text), before any JSON parsing. */
  readonly rawBody: Buffer | string;
  /** `X-HubSpot-Request-Timestamp`: epoch milliseconds, digits only. */
  readonly timestamp: string | number | undefined;
  /** `X-HubSpot-Signature-v3`: base64 HMAC-SHA256. */
  readonly signature: string | undefined;
  readonly clientSecret: string;
  /** Injected clock, epoch ms. */
  readonly now: number;
}

/**
 * `missing`: no signature, or no timestamp in HubSpot's format (epoch milliseconds, 1 to 15
 * digits); `expired`: the timestamp is outside the window; `mismatch`: the HMAC differs.
 */
export type SignatureCheck =
  | { readonly ok: true; readonly timestampMs: number }
  | { readonly ok: false; readonly reason: 'missing' | 'expired' | 'mismatch' };

const TIMESTAMP = /^\d{1,15}$/;

// HubSpot signs the URI with these escapes decoded (and only these); every other escape stays.
const DECODED: Readonly<Record<string, string>> = {
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

export function decodeSignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);
}

export function signV3(input: Omit<SignatureV3Input, 'signature' | 'now'>): string {
  const body = typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody;
  return createHmac('sha256', input.clientSecret)
    .update(Buffer.from(`${input.method.toUpperCase()}${decodeSignedUri(input.url)}`, 'utf8'))
    .update(body)
    .update(Buffer.from(String(input.timestamp), 'utf8'))
    .digest('base64');
}

/**
 * Checks HubSpot's v3 request signature (webhooks and `hubspot.fetch` alike): a timestamp in
 * HubSpot's format within 5 minutes of `now` (either way, so a captured request cannot be replayed
 * later), then a constant-time compare of the HMAC. Hands the timestamp back when valid.
 */
export function verifyHubSpotSignatureV3(input: SignatureV3Input): SignatureCheck {
  const timestamp = input.timestamp === undefined ? '' : String(input.timestamp);
  if (!input.signature || !TIMESTAMP.test(timestamp)) return { ok: false, reason: 'missing' };
  const timestampMs = Number(timestamp);
  if (Math.abs(input.now - timestampMs) > SIGNATURE_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(signV3(input), 'base64');
  const given = Buffer.from(input.signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true, timestampMs };
}
