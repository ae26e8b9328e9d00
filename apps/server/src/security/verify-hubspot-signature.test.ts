import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { verifyHubSpotSignatureV3 } from './verify-hubspot-signature.ts';

const secret = 'client-secret-123';
const now = 1_764_000_000_000;
// Computed independently of the module: HMAC-SHA256 over method + URI + body + timestamp, base64.
const sign = (method: string, uri: string, body: string, ts: string) =>
  createHmac('sha256', secret).update(`${method}${uri}${body}${ts}`).digest('base64');

const base = {
  method: 'POST',
  url: 'https://ledgersync.test/api/v1/x?portalId=62515&userEmail=a@b.co',
  rawBody: '{"a":1}',
  timestamp: String(now - 1000),
};

describe('verifyHubSpotSignatureV3', () => {
  it('accepts a request signed with the client secret within five minutes', () => {
    const signature = sign(base.method, base.url, base.rawBody, base.timestamp);
    expect(verifyHubSpotSignatureV3({ ...base, signature }, secret, now)).toEqual({
      ok: true,
      timestampMs: now - 1000,
    });
  });

  it('refuses a wrong secret, an altered body, URL or method', () => {
    const signature = sign(base.method, base.url, base.rawBody, base.timestamp);
    expect(verifyHubSpotSignatureV3({ ...base, signature }, 'other-secret', now)).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignatureV3({ ...base, rawBody: '{"a":2}', signature }, secret, now).ok).toBe(false);
    expect(
      verifyHubSpotSignatureV3({ ...base, url: base.url.replace('62515', '62516'), signature }, secret, now)
        .ok,
    ).toBe(false);
    expect(verifyHubSpotSignatureV3({ ...base, method: 'PUT', signature }, secret, now).ok).toBe(false);
  });

  it('refuses timestamps older or further ahead than five minutes, and missing headers', () => {
    const old = String(now - 5 * 60_000 - 1);
    expect(
      verifyHubSpotSignatureV3(
        { ...base, timestamp: old, signature: sign('POST', base.url, base.rawBody, old) },
        secret,
        now,
      ),
    ).toEqual({ ok: false, reason: 'expired' });
    const ahead = String(now + 5 * 60_000 + 1);
    expect(
      verifyHubSpotSignatureV3(
        { ...base, timestamp: ahead, signature: sign('POST', base.url, base.rawBody, ahead) },
        secret,
        now,
      ).ok,
    ).toBe(false);
    expect(verifyHubSpotSignatureV3({ ...base, signature: undefined }, secret, now)).toEqual({
      ok: false,
      reason: 'missing_signature',
    });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: 'soon', signature: 'x' }, secret, now).ok).toBe(
      false,
    );
  });

  it('decodes the escapes HubSpot decodes before hashing, and only those', () => {
    const decoded = 'https://x.io/p?email=a@b.co';
    const signature = sign('GET', decoded, '', base.timestamp);
    expect(
      verifyHubSpotSignatureV3(
        {
          method: 'GET',
          url: 'https://x.io/p?email=a%40b.co',
          rawBody: '',
          timestamp: base.timestamp,
          signature,
        },
        secret,
        now,
      ).ok,
    ).toBe(true);
  });
});
