import { describe, expect, it } from '@jest/globals';
import { intuitSignature } from './sign.ts';

describe('intuitSignature', () => {
  it('matches a known answer computed independently (openssl dgst -sha256 -hmac … -binary | base64)', () => {
    expect(intuitSignature('{"eventNotifications":[]}', 'verifier-123')).toBe(
      'BQ8DvznAQp+AWjsCmY99k8KKBXHyc9xi+0HHR8b4xkk=',
    );
  });
});
