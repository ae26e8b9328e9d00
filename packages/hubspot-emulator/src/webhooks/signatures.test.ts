import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from '@jest/globals';
import { signUiRequest } from './sign-ui-request.ts';
import { signatureV1, signatureV2, signatureV3, webhookHeaders } from './signatures.ts';

const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

describe('HubSpot request signatures', () => {
  it("matches the v1 test vector from HubSpot's docs", () => {
    const body =
      '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
    expect(signatureV1(SECRET, body)).toBe(
      '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de',
    );
  });

  it("matches the v2 GET example from HubSpot's docs", () => {
    expect(signatureV2(SECRET, 'GET', 'https://www.example.com/webhook_uri', '')).toBe(
      'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e',
    );
  });

  it("matches the v2 POST example from HubSpot's docs", () => {
    expect(
      signatureV2(SECRET, 'POST', 'https://www.example.com/webhook_uri', '{"example_field":"example_value"}'),
    ).toBe('9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900');
  });

  it('hashes the URI with the listed escapes decoded, as HubSpot tells receivers to', () => {
    const encoded = 'https://b.example/h?email=a%40b.io&x=%2Fy&space=%20';
    expect(signatureV3(SECRET, 'GET', encoded, '', 1)).toBe(
      signatureV3(SECRET, 'GET', 'https://b.example/h?email=a@b.io&x=/y&space=%20', '', 1),
    );
    expect(signatureV3(SECRET, 'GET', encoded, '', 1)).not.toBe(
      signatureV3(SECRET, 'GET', 'https://b.example/h?email=a@b.io&x=/y&space= ', '', 1),
    );
  });

  it("round-trips v3 webhook headers through the SDK's Signature.isValid", () => {
    const now = Date.now();
    const body = '[{"eventId":5}]';
    const uri = 'https://backend.example/hubspot/webhooks';
    const headers = webhookHeaders(SECRET, uri, body, now);
    const valid = Signature.isValid({
      signatureVersion: 'v3',
      signature: headers['x-hubspot-signature-v3'] ?? '',
      clientSecret: SECRET,
      requestBody: body,
      url: uri,
      method: 'POST',
      timestamp: now,
    });
    expect(valid).toBe(true);
    expect(signatureV3('other', 'POST', uri, body, now)).not.toBe(headers['x-hubspot-signature-v3']);
  });

  it('signs a UI request over the URL with portalId and userId appended', () => {
    const signed = signUiRequest({
      clientSecret: SECRET,
      method: 'POST',
      url: 'https://api.ledgersync.example/card/status?invoiceId=7',
      body: { a: 1 },
      portalId: 42,
      userId: 9,
      timestamp: 1_700_000_000_000,
    });
    const url = new URL(signed.url);
    expect(url.searchParams.get('portalId')).toBe('42');
    expect(url.searchParams.get('userId')).toBe('9');
    expect(url.searchParams.get('invoiceId')).toBe('7');
    expect(signed.headers['x-hubspot-signature-v3']).toBe(
      signatureV3(SECRET, 'POST', signed.url, '{"a":1}', 1_700_000_000_000),
    );
  });
});
