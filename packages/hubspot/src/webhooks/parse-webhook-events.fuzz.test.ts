import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseWebhookEvents } from './parse-webhook-events.ts';

const APP = { appId: '4100001' };
const RUNS = 150;

/** Any value in any field an event has: what a buggy or hostile sender could put there. */
const anything = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.constantFrom(1e20, -1, Number.MAX_SAFE_INTEGER, 8.64e15 + 1, '', '0-53', 'object.creation'),
);
const eventish = fc.record(
  {
    eventId: anything,
    subscriptionId: anything,
    portalId: anything,
    occurredAt: anything,
    subscriptionType: anything,
    objectId: anything,
    objectTypeId: anything,
    propertyName: anything,
    propertyValue: anything,
    sourceId: anything,
    changeSource: anything,
    primaryObjectId: anything,
    mergedObjectIds: anything,
  },
  { requiredKeys: [] },
);

const expectWellFormed = (result: ReturnType<typeof parseWebhookEvents>) => {
  if (result.ok) {
    for (const e of result.events) {
      expect(typeof e.recordId).toBe('string');
      expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
    }
  } else {
    expect(result.message.length).toBeGreaterThan(0);
  }
};

describe('HubSpot webhook parser (fuzzed)', () => {
  it('never throws on any bytes, any JSON, or events with any field values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => expectWellFormed(parseWebhookEvents(raw, APP))),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (json) => expectWellFormed(parseWebhookEvents(JSON.stringify(json), APP))),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.array(eventish, { maxLength: 5 }), (events) =>
        expectWellFormed(parseWebhookEvents(JSON.stringify(events), APP)),
      ),
      { numRuns: RUNS },
    );
  });

  it('turns an out-of-range timestamp into a clear refusal, not a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e20, -1e20, 8.64e15 + 1)),
        (occurredAt) => {
          const body = JSON.stringify([
            {
              eventId: 1,
              subscriptionId: 2,
              portalId: 3,
              occurredAt,
              subscriptionType: 'object.creation',
              objectTypeId: '0-53',
              objectId: 4,
            },
          ]);
          expectWellFormed(parseWebhookEvents(body, APP));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps every well-formed event of a synced object, with its ids unchanged', () => {
    const event = fc.record({
      eventId: fc.nat(),
      subscriptionId: fc.nat(),
      portalId: fc.integer({ min: 1, max: 2 ** 40 }),
      occurredAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      subscriptionType: fc.constantFrom('object.creation', 'object.propertyChange', 'object.deletion'),
      objectTypeId: fc.constantFrom('0-1', '0-7', '0-53', '0-101'),
      objectId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 20 }), (events) => {
        const result = parseWebhookEvents(JSON.stringify(events), APP);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.events.map((e) => [e.portalId, e.recordId])).toEqual(
          events.map((e) => [String(e.portalId), String(e.objectId)]),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
