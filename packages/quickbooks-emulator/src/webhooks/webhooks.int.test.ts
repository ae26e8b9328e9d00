import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

interface Received {
  body: string;
  signature: string;
}

const VERIFIER = 'test-verifier';

describe('webhooks', () => {
  let receiver: Server;
  let url: string;
  const received: Received[] = [];
  let failNext = 0;
  let h: Harness;
  const waitFor = async (n: number) => {
    for (let i = 0; i < 200 && received.length < n; i += 1) await new Promise((r) => setTimeout(r, 10));
  };
  const entities = (r: Received) =>
    (
      JSON.parse(r.body).eventNotifications[0].dataChangeEvent.entities as Array<{
        name: string;
        id: string;
        operation: string;
      }>
    ).map((e) => `${e.name}:${e.id}:${e.operation}`);

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.statusCode = 500;
          res.end();
          return;
        }
        received.push({ body, signature: String(req.headers['intuit-signature']) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    h = await startHarness({
      webhooks: { url, verifierToken: VERIFIER, aggregationWindowMs: 20, retryTimeScale: 0.001 },
    });
  });
  afterAll(async () => {
    await h.close();
    await new Promise((r) => receiver.close(r));
  });
  beforeEach(async () => {
    await h.app.control.webhooks.idle();
    received.length = 0;
    await h.control('POST', '/webhooks', {
      enabled: true,
      dropNext: 0,
      duplicateNext: 0,
      reorder: false,
      aggregationWindowMs: 20,
    });
  });

  it('delivers aggregated, signed classic notifications for every change', async () => {
    const ids = await seedBasics(h);
    await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [
        {
          Amount: 5,
          DetailType: 'SalesItemLineDetail',
          SalesItemLineDetail: { ItemRef: { value: ids.itemId } },
        },
      ],
    });
    await h.control('POST', '/webhooks/flush');
    await waitFor(1);
    const all = received.flatMap(entities);
    expect(all).toEqual([
      `Customer:${ids.customerId}:Create`,
      `Item:${ids.itemId}:Create`,
      'Invoice:1:Create',
    ]);
    const first = received[0] as Received;
    const expected = createHmac('sha256', VERIFIER).update(first.body).digest('base64');
    expect(first.signature).toBe(expected);
    const note = JSON.parse(first.body).eventNotifications[0];
    expect(note.realmId).toBe(h.realmId);
    expect(note.dataChangeEvent.entities[0].lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/);
  });

  it('retries failed deliveries on the (scaled) Intuit schedule', async () => {
    failNext = 2;
    await h.api('POST', '/customer', { DisplayName: 'Retry Me' });
    await waitFor(1);
    await h.app.control.webhooks.idle();
    expect(received).toHaveLength(1);
    const attempts = h.app.control.webhooks.deliveries.filter(
      (d) => d.body.includes('"Customer"') && d.body === received[0]?.body,
    );
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it('can be turned off, drop, duplicate and reorder events', async () => {
    await h.control('POST', '/webhooks', { enabled: false });
    await h.api('POST', '/customer', { DisplayName: 'Silent' });
    await h.control('POST', '/webhooks/flush');
    expect(received).toHaveLength(0);
    // A long window keeps the three events in one delivery, so reordering is observable.
    await h.control('POST', '/webhooks', {
      enabled: true,
      dropNext: 1,
      duplicateNext: 1,
      reorder: true,
      aggregationWindowMs: 60_000,
    });
    const a = (await h.api('POST', '/customer', { DisplayName: 'Dropped' })).body.Customer.Id;
    const b = (await h.api('POST', '/customer', { DisplayName: 'Doubled' })).body.Customer.Id;
    const c = (await h.api('POST', '/customer', { DisplayName: 'Last' })).body.Customer.Id;
    await h.control('POST', '/webhooks/flush');
    await waitFor(1);
    const ids = received.flatMap(entities);
    expect(ids).toEqual([`Customer:${c}:Create`, `Customer:${b}:Create`, `Customer:${b}:Create`]);
    expect(ids.join()).not.toContain(`Customer:${a}:`);
  });
});

describe('CloudEvents format', () => {
  it('delivers a signed JSON array of CloudEvents', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        bodies.push(body);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const h = await startHarness({
      webhooks: { url: `http://127.0.0.1:${port}/`, format: 'cloudevents', aggregationWindowMs: 10 },
    });
    const id = (await h.api('POST', '/customer', { DisplayName: 'CE' })).body.Customer.Id;
    await h.app.control.webhooks.idle();
    const events = JSON.parse(bodies[0] as string);
    expect(events).toEqual([
      expect.objectContaining({
        specversion: '1.0',
        type: 'qbo.customer.created.v1',
        intuitentityid: id,
        intuitaccountid: h.realmId,
        datacontenttype: 'application/json',
      }),
    ]);
    await h.close();
    await new Promise((r) => server.close(r));
  });
});
