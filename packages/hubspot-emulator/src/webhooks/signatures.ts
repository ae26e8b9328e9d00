import { createHash, createHmac } from 'node:crypto';

// HubSpot's v3 instructions decode these escapes in the URI before hashing, so the signature covers that form.
const DECODED_FOR_V3: Record<string, string> = {
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

export function decodeUriForV3(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED_FOR_V3[m.toUpperCase()] ?? m);
}

/** v3: base64 HMAC-SHA256 keyed with the client secret over method + URI + body + timestamp (ms). */
export function signatureV3(
  clientSecret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: number,
): string {
  const source = `${method}${decodeUriForV3(uri)}${body}${timestamp}`;
  return createHmac('sha256', clientSecret).update(source, 'utf8').digest('base64');
}

/** v2: hex SHA-256 of client secret + method + URI + body. */
export function signatureV2(clientSecret: string, method: string, uri: string, body: string): string {
  return createHash('sha256').update(`${clientSecret}${method}${uri}${body}`, 'utf8').digest('hex');
}

/** v1: hex SHA-256 of client secret + body. */
export function signatureV1(clientSecret: string, body: string): string {
  return createHash('sha256').update(`${clientSecret}${body}`, 'utf8').digest('hex');
}

/** The headers HubSpot puts on a webhook POST: v3 plus the v1 pair CRM-object webhooks still carry. */
export function webhookHeaders(
  clientSecret: string,
  uri: string,
  body: string,
  timestamp: number,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (emulator)',
    'x-hubspot-signature': signatureV1(clientSecret, body),
    'x-hubspot-signature-version': 'v1',
    'x-hubspot-signature-v3': signatureV3(clientSecret, 'POST', uri, body, timestamp),
    'x-hubspot-request-timestamp': String(timestamp),
  };
}
