import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

export interface SignatureV3Input {
  readonly method: string;
  /** The full URL as HubSpot called it: scheme, host, path and query exactly as received. */
  readonly url: string;
  /** The raw body bytes (or their UTF-8 text), before any JSON parsing. */
  readonly rawBody: Buffer | string;
  /** `X-HubSpot-Request-Timestamp`: epoch milliseconds. */
  readonly timestamp: string | number | undefined;
  /** `X-HubSpot-Signature-v3`: base64 HMAC-SHA256. */
  readonly signature: string | undefined;
  readonly clientSecret: string;
  /** Injected clock, epoch ms. */
  readonly now: number;
}

export type SignatureCheck =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: 'missing' | 'expired' | 'mismatch' };

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
 * Checks HubSpot's v3 request signature: a timestamp within 5 minutes of `now` (either way, so a
 * captured request cannot be replayed later), then a constant-time compare of the HMAC.
 */
export function verifyHubSpotSignatureV3(input: SignatureV3Input): SignatureCheck {
  if (!input.signature || input.timestamp === undefined || String(input.timestamp).trim() === '') {
    return { valid: false, reason: 'missing' };
  }
  const ts = Number(input.timestamp);
  if (!Number.isFinite(ts) || Math.abs(input.now - ts) > SIGNATURE_MAX_AGE_MS) {
    return { valid: false, reason: 'expired' };
  }
  const expected = Buffer.from(signV3(input), 'base64');
  const given = Buffer.from(input.signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { valid: false, reason: 'mismatch' };
  }
  return { valid: true };
}
