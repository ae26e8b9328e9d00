import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import { startTestServer, TEST_CONFIG, type TestServer } from '../../testing/test-server.ts';

describe('webhooks', () => {
  let t: TestServer;
  let a: Portal;
  let b: Portal;
  beforeAll(async () => {
    t = await startTestServer();
    a = await t.portal({ realmId: 'realm-a' });
    b = await t.portal({ realmId: 'realm-b' });
  });
  afterAll(async () => t.close());

  const hubspotPost = (raw: string, opts: { ts?: number; secret?: string; signedUrl?: string } = {}) => {
    const ts = String(opts.ts ?? t.clock.now.getTime());
    const url = '/webhooks/hubspot';
    return t.app.inject({
      method: 'POST',
      url,
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(
          opts.secret ?? TEST_CONFIG.hubspot.clientSecret,
          'POST',
          opts.signedUrl ?? `${TEST_CONFIG.publicUrl}${url}`,
          raw,
          Number(ts),
        ),
      },
    });
  };
  const event = (over: Record<string, unknown>) => ({
    eventId: 1,
    subscriptionId: 10,
    portalId: Number(a.hubId),
    appId: 4100001,
    occurredAt: t.clock.now.getTime() - 1000,
    subscriptionType: 'object.propertyChange',
    objectTypeId: '0-53',
    objectId: 501,
    attemptNumber: 0,
    changeSource: 'CRM_UI',
    ...over,
  });
  const intuitPost = (
    body: unknown,
    token = TEST_CONFIG.quickbooks.webhookVerifierToken,
    raw = JSON.stringify(body),
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/quickbooks',
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'intuit-signature': createHmac('sha256', token).update(raw).digest('base64'),
      },
    });
  const notices = (portalId: string) =>
    t.db.changeNotice.findMany({ where: { portalId }, orderBy: { id: 'asc' } });

  describe('HubSpot', () => {
    it('stores a batch of events once, maps objects, ignores what we do not sync and unknown portals', async () => {
      const batch = JSON.stringify([
        event({}),
        event({ eventId: 2, objectTypeId: '0-1', objectId: 7 }),
        event({ eventId: 3, objectTypeId: '0-8', objectId: 8 }),
        event({ eventId: 4, subscriptionType: 'product.creation', objectTypeId: undefined, objectId: 9 }),
        event({ eventId: 5, portalId: 424242 }),
        event({ eventId: 6, portalId: Number(b.hubId), objectId: 600 }),
      ]);
      const res = await hubspotPost(batch);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: 6, stored: 4, ignored: 2 });
      expect((await notices(a.id)).map((n) => [n.object, n.recordId, n.eventId])).toEqual([
        ['invoice', '501', '10:1'],
        ['customer', '7', '10:2'],
        ['product', '9', '10:4'],
      ]);
      expect((await notices(b.id)).map((n) => n.recordId)).toEqual(['600']);
      // HubSpot retries a delivery it thinks failed: nothing is stored twice.
      const again = await hubspotPost(batch);
      expect(again.json()).toEqual({ received: 6, stored: 0, ignored: 2 });
      const jobs = await t.db.$queryRaw<
        { key: string }[]
      >`SELECT key FROM graphile_worker._private_jobs ORDER BY key`;
      expect(jobs.map((j) => j.key)).toEqual([`sync-portal:${a.id}`, `sync-portal:${b.id}`].sort());
      const metrics = (
        await t.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `Bearer ${TEST_CONFIG.metricsToken}` },
        })
      ).body;
      expect(metrics).toContain('ledgersync_webhook_events_total{side="hubspot",outcome="stored"} 4');
      expect(metrics).toContain('ledgersync_webhook_events_total{side="hubspot",outcome="duplicate"} 4');
    });

    it('refuses a bad, expired or missing signature and a signature over another URL with 401', async () => {
      const raw = JSON.stringify([event({ eventId: 90 })]);
      expect((await hubspotPost(raw, { secret: 'wrong-secret' })).statusCode).toBe(401);
      expect((await hubspotPost(raw, { ts: t.clock.now.getTime() - 301_000 })).statusCode).toBe(401);
      expect(
        (await hubspotPost(raw, { signedUrl: `${TEST_CONFIG.publicUrl}/webhooks/hubspot?x=1` })).statusCode,
      ).toBe(401);
      const unsigned = await t.app.inject({ method: 'POST', url: '/webhooks/hubspot', payload: [event({})] });
      expect(unsigned.statusCode).toBe(401);
      expect(unsigned.json().error).toBe('invalid_signature');
      expect(await t.db.changeNotice.count({ where: { eventId: '10:90' } })).toBe(0);
    });

    it('answers 400 to malformed JSON or events, 413 above 1 MB', async () => {
      const bad = await hubspotPost('[{"eventId": 1,');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toBe('malformed_json');
      const shape = await hubspotPost(JSON.stringify([{ eventId: 'x' }]));
      expect(shape.statusCode).toBe(400);
      expect(shape.json().error).toBe('malformed_webhook');
      expect((await hubspotPost(JSON.stringify({ not: 'an array' }))).statusCode).toBe(400);
      const big = JSON.stringify(
        Array.from({ length: 8000 }, (_, i) =>
          event({ eventId: 10_000 + i, propertyValue: 'x'.repeat(120) }),
        ),
      );
      expect(big.length).toBeGreaterThan(1_048_576);
      const res = await hubspotPost(big);
      expect(res.statusCode).toBe(413);
    });
  });

  describe('QuickBooks', () => {
    it('stores classic notifications for several realms and skips unknown realms and entities', async () => {
      const body = {
        eventNotifications: [
          {
            realmId: 'realm-a',
            dataChangeEvent: {
              entities: [
                {
                  name: 'Invoice',
                  id: '130',
                  operation: 'Update',
                  lastUpdated: '2026-11-27T11:59:00.000-0800',
                },
                {
                  name: 'Customer',
                  id: '58',
                  operation: 'Create',
                  lastUpdated: '2026-11-27T11:58:00.000-0800',
                },
                { name: 'Vendor', id: '3', operation: 'Create', lastUpdated: '2026-11-27T11:58:00.000-0800' },
              ],
            },
          },
          {
            realmId: 'realm-b',
            dataChangeEvent: {
              entities: [
                { name: 'Payment', id: '9', operation: 'Create', lastUpdated: '2026-11-27T11:00:00Z' },
              ],
            },
          },
          {
            realmId: 'realm-unknown',
            dataChangeEvent: { entities: [{ name: 'Invoice', id: '1', operation: 'Create' }] },
          },
        ],
      };
      const res = await intuitPost(body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: 5, stored: 3, ignored: 2 });
      const qa = (await notices(a.id)).filter((n) => n.side === 'quickbooks');
      expect(qa.map((n) => [n.object, n.recordId])).toEqual([
        ['invoice', '130'],
        ['customer', '58'],
      ]);
      expect(qa[0]?.occurredAt?.toISOString()).toBe('2026-11-27T19:59:00.000Z');
      expect((await intuitPost(body)).json().stored).toBe(0);
    });

    it('stores CloudEvents mixing realms, deduplicated by event id', async () => {
      const body = [
        {
          specversion: '1.0',
          id: 'ce-1',
          type: 'qbo.invoice.updated.v1',
          intuitentityid: '131',
          intuitaccountid: 'realm-a',
          time: '2026-11-27T11:00:00Z',
          data: {},
        },
        {
          specversion: '1.0',
          id: 'ce-2',
          type: 'qbo.item.created.v1',
          intuitentityid: '12',
          intuitaccountid: 'realm-b',
          data: {},
        },
        {
          specversion: '1.0',
          id: 'ce-1',
          type: 'qbo.invoice.updated.v1',
          intuitentityid: '131',
          intuitaccountid: 'realm-a',
          data: {},
        },
      ];
      const res = await intuitPost(body);
      expect(res.json()).toEqual({ received: 3, stored: 2, ignored: 0 });
      const b12 = await t.db.changeNotice.findFirst({ where: { portalId: b.id, recordId: '12' } });
      expect(b12).toMatchObject({ side: 'quickbooks', object: 'product', eventId: 'ce:ce-2' });
    });

    it('refuses a wrong or missing intuit-signature with 401 and malformed bodies with 400', async () => {
      const body = [
        {
          specversion: '1.0',
          id: 'ce-9',
          type: 'qbo.invoice.created.v1',
          intuitentityid: '1',
          intuitaccountid: 'realm-a',
        },
      ];
      expect((await intuitPost(body, 'wrong-verifier')).statusCode).toBe(401);
      const unsigned = await t.app.inject({ method: 'POST', url: '/webhooks/quickbooks', payload: body });
      expect(unsigned.statusCode).toBe(401);
      expect(await t.db.changeNotice.count({ where: { eventId: 'ce:ce-9' } })).toBe(0);
      expect((await intuitPost(undefined, undefined, '{"eventNotifications": [')).json().error).toBe(
        'malformed_json',
      );
      const wrongShape = await intuitPost({ eventNotifications: [{ realmId: 'realm-a' }] });
      expect(wrongShape.statusCode).toBe(400);
      expect(wrongShape.json().error).toBe('malformed_webhook');
      const badType = await intuitPost([{ ...body[0], type: 'invoice' }]);
      expect(badType.statusCode).toBe(400);
    });

    it('acknowledges a realm whose connection was disconnected without storing', async () => {
      await t.db.quickBooksConnection.update({
        where: { realmId: 'realm-b' },
        data: { status: 'disconnected' },
      });
      const res = await intuitPost([
        {
          specversion: '1.0',
          id: 'ce-20',
          type: 'qbo.invoice.created.v1',
          intuitentityid: '5',
          intuitaccountid: 'realm-b',
        },
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: 1, stored: 0, ignored: 1 });
    });
  });
});
