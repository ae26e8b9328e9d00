import { describe, expect, it } from '@jest/globals';
import { parseWebhookEvents } from './parse-webhook-events.ts';

const event = (o: Record<string, unknown>) => ({
  eventId: 100,
  subscriptionId: 7,
  portalId: 62515,
  appId: 4100001,
  occurredAt: 1772441600000,
  attemptNumber: 0,
  subscriptionType: 'object.propertyChange',
  objectTypeId: '0-53',
  objectId: 555,
  changeSource: 'CRM_UI',
  ...o,
});

describe('parseWebhookEvents', () => {
  it('maps generic and legacy events to notices with a dedupe key of eventId and subscriptionId', () => {
    const body = JSON.stringify([
      event({}),
      event({ eventId: 101, subscriptionType: 'contact.deletion', objectTypeId: undefined, objectId: 9 }),
      event({
        eventId: 102,
        subscriptionType: 'object.merge',
        objectTypeId: '0-1',
        objectId: 10,
        primaryObjectId: 11,
      }),
      event({ eventId: 103, objectTypeId: '0-3' }),
    ]);
    const result = parseWebhookEvents(body, { appId: '4100001' });
    if (!result.ok) throw new Error(result.message);
    expect(result.ignored).toBe(1);
    expect(result.events.map((e) => [e.dedupeKey, e.object, e.recordId, e.kind, e.mergedInto])).toEqual([
      ['100:7', 'invoice', '555', 'change', null],
      ['101:7', 'customer', '9', 'delete', null],
      ['102:7', 'customer', '10', 'merge', '11'],
    ]);
    expect(result.events[0]?.occurredAt).toBe('2026-03-02T08:53:20.000Z');
  });

  it('recognises events caused by our own app, and only those', () => {
    const body = JSON.stringify([
      event({ changeSource: 'INTEGRATION', sourceId: '4100001' }),
      event({ eventId: 2, changeSource: 'API', sourceId: '999' }),
      event({ eventId: 3, changeSource: 'CRM_UI', sourceId: 'userId:4100001' }),
    ]);
    const result = parseWebhookEvents(body, { appId: '4100001' });
    expect(result.ok && result.events.map((e) => e.causedByUs)).toEqual([true, false, false]);
  });

  it('refuses bodies that are not JSON arrays of events', () => {
    expect(parseWebhookEvents('nope', { appId: '1' })).toMatchObject({ ok: false });
    expect(parseWebhookEvents('{"eventId":1}', { appId: '1' })).toMatchObject({ ok: false });
    expect(parseWebhookEvents('[{"eventId":1}]', { appId: '1' })).toMatchObject({ ok: false });
  });
});
