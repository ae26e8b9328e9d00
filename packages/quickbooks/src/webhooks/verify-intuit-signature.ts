import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks the `intuit-signature` header: base64 of HMAC-SHA256 over the raw request bytes, keyed
 * with the app's webhook verifier token (not the client secret). Verify the bytes as received:
 * re-serialised JSON would not match.
 */
export function verifyIntuitSignature(
  rawBody: string | Buffer,
  header: string | readonly string[] | undefined,
  verifierToken: string,
): boolean {
  if (typeof header !== 'string' || header === '' || verifierToken === '') return false;
  const given = Buffer.from(header.trim(), 'base64');
  const expected = createHmac('sha256', verifierToken).update(rawBody).digest();
  // Equal lengths first: timingSafeEqual throws otherwise, and the length is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
