import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseIntuitWebhook } from './parse-intuit-webhook.ts';
import { verifyIntuitSignature } from './verify-intuit-signature.ts';

// Known answer computed with `openssl dgst -sha256 -hmac verifier-token-abc -binary | base64`.
const BODY =
  '{"eventNotifications":[{"realmId":"1185883450","dataChangeEvent":{"entities":[{"name":"Invoice","id":"142","operation":"Update","lastUpdated":"2026-03-02T14:42:19-0700"}]}}]}';
const SIGNATURE = '/rLFmGb+hYWXSp6z3bg22nP4sOwl2AhbxDGMAbwcyvM=';
const TOKEN = 'verifier-token-abc';

describe('verifyIntuitSignature', () => {
  it('accepts the known answer, as string or bytes', () => {
    expect(verifyIntuitSignature(BODY, SIGNATURE, TOKEN)).toBe(true);
    expect(verifyIntuitSignature(Buffer.from(BODY), SIGNATURE, TOKEN)).toBe(true);
  });

  it('refuses a wrong verifier token, a missing or malformed header', () => {
    expect(verifyIntuitSignature(BODY, SIGNATURE, 'other-token')).toBe(false);
    expect(verifyIntuitSignature(BODY, undefined, TOKEN)).toBe(false);
    expect(verifyIntuitSignature(BODY, ['a', 'b'], TOKEN)).toBe(false);
    expect(verifyIntuitSignature(BODY, 'not base64 at all', TOKEN)).toBe(false);
    expect(verifyIntuitSignature(BODY, SIGNATURE, '')).toBe(false);
  });

  it('refuses any altered body (fuzz)', () => {
    fc.assert(
      fc.property(fc.nat(BODY.length - 1), fc.string({ minLength: 1, maxLength: 3 }), (at, insert) => {
        const altered = BODY.slice(0, at) + insert + BODY.slice(at + 1);
        fc.pre(altered !== BODY);
        expect(verifyIntuitSignature(altered, SIGNATURE, TOKEN)).toBe(false);
      }),
    );
  });
});

describe('parseIntuitWebhook', () => {
  const at = '2026-03-02T22:00:00.000Z';

  it('reads a classic body into change notices with stable event ids', () => {
    const body = {
      eventNotifications: [
        {
          realmId: '1185883450',
          dataChangeEvent: {
            entities: [
              { name: 'Invoice', id: '142', operation: 'Update', lastUpdated: '2026-03-02T14:42:19-0700' },
              {
                name: 'Customer',
                id: '7',
                operation: 'Merge',
                lastUpdated: '2026-03-02T14:43:00-0700',
                deletedId: '9',
              },
              { name: 'Vendor', id: '3', operation: 'Create' },
              { name: 'Payment', id: '55', operation: 'Delete' },
            ],
          },
        },
      ],
    };
    const parsed = parseIntuitWebhook(body, at);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.format).toBe('classic');
    expect(parsed.notices.map((n) => [n.object, n.recordId, n.kind, n.mergedInto, n.occurredAt])).toEqual([
      ['invoice', '142', 'change', null, '2026-03-02T21:42:19.000Z'],
      ['customer', '9', 'merge', '7', '2026-03-02T21:43:00.000Z'],
      // The survivor's own change (R-OBJ-7): it took the merged customer's place.
      ['customer', '7', 'change', null, '2026-03-02T21:43:00.000Z'],
      ['payment', '55', 'delete', null, at],
    ]);
    // The Vendor is received (and acknowledged) but not synced.
    expect(parsed.received).toBe(4);
    const again = parseIntuitWebhook(JSON.parse(JSON.stringify(body)), at);
    expect(again.ok && again.notices.map((n) => n.eventId)).toEqual(parsed.notices.map((n) => n.eventId));
    expect(new Set(parsed.notices.map((n) => n.eventId)).size).toBe(4);
  });

  it('reads a CloudEvents batch from several companies', () => {
    const parsed = parseIntuitWebhook(
      [
        {
          specversion: '1.0',
          id: 'ev-1',
          source: 'intuit.x',
          type: 'qbo.invoice.created.v1',
          time: '2026-03-02T10:00:00Z',
          intuitentityid: '12',
          intuitaccountid: 'r1',
          data: {},
        },
        {
          specversion: '1.0',
          id: 'ev-2',
          source: 'intuit.x',
          type: 'qbo.customer.merged.v1',
          intuitentityid: '7',
          intuitaccountid: 'r2',
          data: { deletedid: '9' },
        },
        {
          specversion: '1.0',
          id: 'ev-3',
          source: 'intuit.x',
          type: 'qbo.item.deleted.v1',
          intuitentityid: '4',
          intuitaccountid: 'r1',
        },
      ],
      at,
    );
    expect(parsed.ok && parsed.format).toBe('cloudevents');
    if (!parsed.ok) return;
    expect(
      parsed.notices.map((n) => [n.realmId, n.eventId, n.object, n.recordId, n.kind, n.mergedInto]),
    ).toEqual([
      ['r1', 'ce:ev-1', 'invoice', '12', 'change', null],
      ['r2', 'ce:ev-2', 'customer', '9', 'merge', '7'],
      ['r2', 'ce:ev-2:survivor', 'customer', '7', 'change', null],
      ['r1', 'ce:ev-3', 'product', '4', 'delete', null],
    ]);
  });

  it('refuses bodies of other shapes', () => {
    expect(parseIntuitWebhook({ hello: 'world' }, at).ok).toBe(false);
    expect(parseIntuitWebhook([{ id: 'x' }], at).ok).toBe(false);
    // The reason names the field that is wrong, for the 400 the webhook route answers.
    const bad = parseIntuitWebhook(
      [{ specversion: '1.0', id: 'e', type: 'invoice.updated', intuitentityid: '1', intuitaccountid: 'r' }],
      at,
    );
    expect(!bad.ok && bad.reason).toContain('0.type: expected qbo.<entity>.<operation>.v<n>');
    expect(parseIntuitWebhook(null, at).ok).toBe(false);
  });
});
