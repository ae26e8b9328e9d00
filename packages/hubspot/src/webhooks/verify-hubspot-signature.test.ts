import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from '@jest/globals';
import { decodeSignedUri, verifyHubSpotSignatureV3 } from './verify-hubspot-signature.ts';

const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const now = 1_772_441_600_000;
const body = '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"objectId":123}]';
const url = 'https://ledgersync.example/webhooks/hubspot?portal=62515';

// An independent implementation (the SDK's) gives the known answer.
function sdkSignature(u: string, b: string, timestamp: number, clientSecret = secret): string {
  return Signature.getSignature('POST', 'v3', {
    signature: '',
    clientSecret,
    requestBody: b,
    url: u,
    timestamp,
  });
}

describe('verifyHubSpotSignatureV3', () => {
  const base = {
    method: 'POST',
    url,
    rawBody: body,
    timestamp: String(now - 1000),
    clientSecret: secret,
    now,
  };

  it('accepts the known answer for a fresh request', () => {
    const signature = sdkSignature(url, body, now - 1000);
    expect(verifyHubSpotSignatureV3({ ...base, signature })).toEqual({ valid: true });
    expect(verifyHubSpotSignatureV3({ ...base, rawBody: Buffer.from(body), signature })).toEqual({
      valid: true,
    });
  });

  it('rejects a wrong secret, an altered body, an altered URL and a garbage signature', () => {
    const signature = sdkSignature(url, body, now - 1000);
    expect(verifyHubSpotSignatureV3({ ...base, clientSecret: 'other', signature })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, rawBody: body.replace('123', '124'), signature })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, url: `${url}&x=1`, signature })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, signature: 'AAAA' })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('rejects timestamps older (or further ahead) than 5 minutes, and missing headers', () => {
    const old = now - 5 * 60_000 - 1;
    expect(
      verifyHubSpotSignatureV3({ ...base, timestamp: old, signature: sdkSignature(url, body, old) }),
    ).toEqual({ valid: false, reason: 'expired' });
    const edge = now - 5 * 60_000;
    expect(
      verifyHubSpotSignatureV3({ ...base, timestamp: edge, signature: sdkSignature(url, body, edge) }),
    ).toEqual({ valid: true });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: 'soon', signature: 'x' })).toEqual({
      valid: false,
      reason: 'expired',
    });
    expect(verifyHubSpotSignatureV3({ ...base, signature: undefined })).toEqual({
      valid: false,
      reason: 'missing',
    });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: undefined, signature: 'x' })).toEqual({
      valid: false,
      reason: 'missing',
    });
  });

  it('decodes only the documented escapes in the URI before hashing', () => {
    expect(decodeSignedUri('https://a.example/h?next=%2Fx%3Fy%3Az%40w%20v%2B')).toBe(
      'https://a.example/h?next=/x?y:z@w%20v%2B',
    );
    const encoded = 'https://a.example/h?email=o%27brien%40x.com';
    const signature = sdkSignature(decodeSignedUri(encoded), body, now);
    expect(verifyHubSpotSignatureV3({ ...base, url: encoded, timestamp: now, signature })).toEqual({
      valid: true,
    });
  });
});
