import { createHmac } from 'node:crypto';

/** `intuit-signature`: base64 HMAC-SHA256 of the raw body, keyed with the app's verifier token. */
export function intuitSignature(rawBody: string, verifierToken: string): string {
  return createHmac('sha256', verifierToken).update(rawBody, 'utf8').digest('base64');
}
