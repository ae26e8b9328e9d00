import { createHmac } from 'node:crypto';
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
    expect(verifyHubSpotSignatureV3({ ...base, signature })).toEqual({ ok: true, timestampMs: now - 1000 });
    expect(verifyHubSpotSignatureV3({ ...base, rawBody: Buffer.from(body), signature })).toEqual({
      ok: true,
      timestampMs: now - 1000,
    });
  });

  it('rejects a wrong secret, an altered body, an altered URL and a garbage signature', () => {
    const signature = sdkSignature(url, body, now - 1000);
    expect(verifyHubSpotSignatureV3({ ...base, clientSecret: 'other', signature })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, rawBody: body.replace('123', '124'), signature })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, url: `${url}&x=1`, signature })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, signature: 'AAAA' })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('rejects timestamps older (or further ahead) than 5 minutes, and missing headers', () => {
    const old = now - 5 * 60_000 - 1;
    expect(
      verifyHubSpotSignatureV3({ ...base, timestamp: old, signature: sdkSignature(url, body, old) }),
    ).toEqual({ ok: false, reason: 'expired' });
    const edge = now - 5 * 60_000;
    expect(
      verifyHubSpotSignatureV3({ ...base, timestamp: edge, signature: sdkSignature(url, body, edge) }),
    ).toEqual({ ok: true, timestampMs: edge });
    // Not HubSpot's format (epoch milliseconds in digits): no usable timestamp.
    for (const timestamp of ['soon', '1e12', ' 1772441600000', '-1', '1234567890123456']) {
      expect(verifyHubSpotSignatureV3({ ...base, timestamp, signature: 'x' })).toEqual({
        ok: false,
        reason: 'missing',
      });
    }
    expect(verifyHubSpotSignatureV3({ ...base, signature: undefined })).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: undefined, signature: 'x' })).toEqual({
      ok: false,
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
      ok: true,
      timestampMs: now,
    });
  });
});

describe('verifyHubSpotSignatureV3 against an HMAC computed by hand', () => {
  const clientSecret = 'client-secret-123';
  const at = 1_764_000_000_000;
  // Computed independently of the module: HMAC-SHA256 over method + URI + body + timestamp, base64.
  const sign = (method: string, uri: string, b: string, ts: string) =>
    createHmac('sha256', clientSecret).update(`${method}${uri}${b}${ts}`).digest('base64');
  const request = {
    method: 'POST',
    url: 'https://ledgersync.test/api/v1/x?portalId=62515&userEmail=a@b.co',
    rawBody: '{"a":1}',
    timestamp: String(at - 1000),
    clientSecret,
    now: at,
  };

  it('accepts a request signed with the client secret within five minutes', () => {
    const signature = sign(request.method, request.url, request.rawBody, request.timestamp);
    expect(verifyHubSpotSignatureV3({ ...request, signature })).toEqual({ ok: true, timestampMs: at - 1000 });
  });

  it('refuses a wrong secret, an altered body, URL or method', () => {
    const signature = sign(request.method, request.url, request.rawBody, request.timestamp);
    expect(verifyHubSpotSignatureV3({ ...request, clientSecret: 'other-secret', signature })).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...request, rawBody: '{"a":2}', signature }).ok).toBe(false);
    expect(
      verifyHubSpotSignatureV3({ ...request, url: request.url.replace('62515', '62516'), signature }).ok,
    ).toBe(false);
    expect(verifyHubSpotSignatureV3({ ...request, method: 'PUT', signature }).ok).toBe(false);
  });

  it('refuses timestamps older or further ahead than five minutes, and missing headers', () => {
    const old = String(at - 5 * 60_000 - 1);
    expect(
      verifyHubSpotSignatureV3({
        ...request,
        timestamp: old,
        signature: sign('POST', request.url, request.rawBody, old),
      }),
    ).toEqual({ ok: false, reason: 'expired' });
    const ahead = String(at + 5 * 60_000 + 1);
    expect(
      verifyHubSpotSignatureV3({
        ...request,
        timestamp: ahead,
        signature: sign('POST', request.url, request.rawBody, ahead),
      }).ok,
    ).toBe(false);
    expect(verifyHubSpotSignatureV3({ ...request, signature: undefined })).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifyHubSpotSignatureV3({ ...request, timestamp: 'soon', signature: 'x' }).ok).toBe(false);
  });

  it('decodes the escapes HubSpot decodes before hashing, and only those', () => {
    const decoded = 'https://x.io/p?email=a@b.co';
    const signature = sign('GET', decoded, '', request.timestamp);
    expect(
      verifyHubSpotSignatureV3({
        ...request,
        method: 'GET',
        url: 'https://x.io/p?email=a%40b.co',
        rawBody: '',
        signature,
      }).ok,
    ).toBe(true);
  });
});
