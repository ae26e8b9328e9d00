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
  it('maps generic and legacy events to notices with a dedupe key of subscriptionId and eventId', () => {
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
      ['7:100', 'invoice', '555', 'change', null],
      ['7:101', 'customer', '9', 'delete', null],
      ['7:102', 'customer', '10', 'merge', '11'],
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
    expect(parseWebhookEvents('[]', { appId: '1' })).toMatchObject({ ok: false });
  });

  it('refuses ids that are not HubSpot ids, naming every bad field', () => {
    for (const bad of [{ portalId: 'acme' }, { portalId: 1.5 }, { eventId: 'x' }, { objectId: -3 }]) {
      expect({ bad, ok: parseWebhookEvents(JSON.stringify([event(bad)]), { appId: '1' }).ok }).toEqual({
        bad,
        ok: false,
      });
    }
    const result = parseWebhookEvents(JSON.stringify([event({ eventId: 'x', subscriptionType: '' })]), {
      appId: '1',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('0.eventId');
    expect(result.message).toContain('0.subscriptionType');
  });

  it('gives a merge one event for its record and one per record merged away, with their own keys', () => {
    const body = JSON.stringify([
      event({
        subscriptionType: 'object.merge',
        objectTypeId: '0-1',
        objectId: 900,
        primaryObjectId: 900,
        mergedObjectIds: [901, 900, 902],
      }),
    ]);
    const result = parseWebhookEvents(body, { appId: '4100001' });
    if (!result.ok) throw new Error(result.message);
    expect({ received: result.received, ignored: result.ignored }).toEqual({ received: 1, ignored: 0 });
    expect(result.events.map((e) => [e.dedupeKey, e.recordId, e.kind, e.mergedInto])).toEqual([
      ['7:100', '900', 'merge', '900'],
      ['7:100:merged:901', '901', 'merge', '900'],
      ['7:100:merged:902', '902', 'merge', '900'],
    ]);
  });

  it('reads an association change as a change of the record it starts from', () => {
    const body = JSON.stringify([
      event({ subscriptionType: 'object.associationChange', objectTypeId: '0-53', objectId: 555 }),
      event({
        eventId: 101,
        subscriptionType: 'object.associationChange',
        objectTypeId: undefined,
        objectId: undefined,
        fromObjectTypeId: '0-53',
        fromObjectId: 556,
        toObjectTypeId: '0-8',
        toObjectId: 77,
      }),
      event({ eventId: 102, subscriptionType: 'contact.privacyDeletion', objectTypeId: undefined }),
    ]);
    const result = parseWebhookEvents(body, { appId: '4100001' });
    if (!result.ok) throw new Error(result.message);
    expect(result.events.map((e) => [e.object, e.recordId, e.kind])).toEqual([
      ['invoice', '555', 'change'],
      ['invoice', '556', 'change'],
    ]);
    expect({ received: result.received, ignored: result.ignored }).toEqual({ received: 3, ignored: 1 });
  });
});
