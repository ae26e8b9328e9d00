import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseIntuitWebhook } from './parse-intuit-webhook.ts';

const RECEIVED = '2026-11-27T12:00:00.000Z';
const RUNS = 150;
const anything = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom('', 'Invoice', 'qbo.invoice.updated.v1'),
);

const expectWellFormed = (result: ReturnType<typeof parseIntuitWebhook>) => {
  if (!result.ok) {
    expect(result.reason.length).toBeGreaterThan(0);
    return;
  }
  for (const n of result.notices) {
    expect(n.recordId.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(n.occurredAt))).toBe(false);
  }
};

describe('Intuit webhook parser, both formats (fuzzed)', () => {
  it('never throws on any JSON value or on either format with any field values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => expectWellFormed(parseIntuitWebhook(json, RECEIVED))),
      { numRuns: RUNS },
    );
    const classic = fc.record({
      eventNotifications: fc.array(
        fc.record(
          {
            realmId: anything,
            dataChangeEvent: fc.record(
              {
                entities: fc.array(
                  fc.record(
                    {
                      name: anything,
                      id: anything,
                      operation: anything,
                      lastUpdated: anything,
                      deletedId: anything,
                    },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 4 },
                ),
              },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(classic, (body) => expectWellFormed(parseIntuitWebhook(body, RECEIVED))),
      {
        numRuns: RUNS,
      },
    );
    const cloud = fc.array(
      fc.record(
        {
          specversion: anything,
          id: anything,
          type: anything,
          time: anything,
          intuitentityid: anything,
          intuitaccountid: anything,
          data: anything,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(cloud, (body) => expectWellFormed(parseIntuitWebhook(body, RECEIVED))),
      {
        numRuns: RUNS,
      },
    );
  });

  it('classic and CloudEvents bodies of synced entities give one notice per change, ids intact', () => {
    const entity = fc.constantFrom('Invoice', 'Customer', 'Item', 'Payment');
    const id = fc.stringMatching(/^[1-9]\d{0,9}$/);
    const time = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ realm: id, name: entity, id, time }), { minLength: 1, maxLength: 10 }),
        (changes) => {
          const classic = parseIntuitWebhook(
            {
              eventNotifications: changes.map((c) => ({
                realmId: c.realm,
                dataChangeEvent: {
                  entities: [
                    { name: c.name, id: c.id, operation: 'Update', lastUpdated: c.time.toISOString() },
                  ],
                },
              })),
            },
            RECEIVED,
          );
          const cloud = parseIntuitWebhook(
            changes.map((c, i) => ({
              specversion: '1.0',
              id: `ev-${i}`,
              type: `qbo.${c.name.toLowerCase()}.updated.v1`,
              time: c.time.toISOString(),
              intuitentityid: c.id,
              intuitaccountid: c.realm,
            })),
            RECEIVED,
          );
          for (const result of [classic, cloud]) {
            expect(result.ok).toBe(true);
            if (!result.ok) continue;
            expect(result.notices.map((n) => [n.realmId, n.recordId, n.occurredAt])).toEqual(
              changes.map((c) => [c.realm, c.id, c.time.toISOString()]),
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
