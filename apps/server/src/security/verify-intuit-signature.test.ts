import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { verifyIntuitSignature } from './verify-intuit-signature.ts';

describe('verifyIntuitSignature', () => {
  const body = '{"eventNotifications":[]}';
  const token = 'verifier-token';
  const good = createHmac('sha256', token).update(body).digest('base64');

  it('accepts the base64 HMAC of the raw body with the verifier token', () => {
    expect(verifyIntuitSignature(body, good, token)).toBe(true);
  });

  it('refuses another body, another token, a missing or truncated signature', () => {
    expect(verifyIntuitSignature(`${body} `, good, token)).toBe(false);
    expect(verifyIntuitSignature(body, good, 'other-token')).toBe(false);
    expect(verifyIntuitSignature(body, undefined, token)).toBe(false);
    expect(verifyIntuitSignature(body, good.slice(0, -2), token)).toBe(false);
  });
});
