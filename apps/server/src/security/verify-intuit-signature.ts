import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './constant-time-equal.ts';

/** `intuit-signature`: base64 HMAC-SHA256 of the raw body, keyed with the app's webhook verifier token. */
export function verifyIntuitSignature(
  rawBody: string,
  signature: string | undefined,
  verifierToken: string,
): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', verifierToken).update(rawBody, 'utf8').digest('base64');
  return constantTimeEqual(expected, signature);
}
