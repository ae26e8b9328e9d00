import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { batchUpsertObjects } from '../crm/batch-objects.ts';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { type ParsedWebhookEvent, parseWebhookEvents } from './parse-webhook-events.ts';
import { verifyHubSpotSignatureV3 } from './verify-hubspot-signature.ts';

interface Delivery {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let hs: TestHubSpot;
let receiver: Server;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  if (address === null || typeof address === 'string') throw new Error('no receiver port');
  hs = await startTestHubSpot({
    app: {
      webhooks: {
        targetUrl: `http://127.0.0.1:${address.port}/webhooks/hubspot?src=hs`,
        subscriptions: [{ subscriptionType: 'object.creation', objectType: 'products' }],
      },
    },
    webhooks: { timeScale: 0.001, batchWindowMs: 1 },
  });
});
afterAll(async () => {
  await hs.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('signed webhooks from the emulator', () => {
  it('verifies every delivery, parses the events and tells our writes from a user’s', async () => {
    const { clientSecret, appId } = (await hs.get('/_emulator/app')) as {
      clientSecret: string;
      appId: number;
    };
    const portal = await hs.newPortal();
    const client = hs.client(portal);
    await ensureAppProperties(client, ['products']);
    const [ours] = await batchUpsertObjects(client, 'products', 'ledgersync_qbo_id', [
      { key: 'q1', properties: { name: 'Ours' } },
    ]);
    const userWrite = await fetch(`${hs.url}/crm/v3/objects/products`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-emulator-act-as-user': '7',
        'x-emulator-portal-id': portal.portalId,
      },
      body: JSON.stringify({ properties: { name: 'Theirs' } }),
    });
    const theirs = (await userWrite.json()) as { id: string };
    await hs.control('/_emulator/webhooks/flush', {});
    for (let i = 0; i < 50 && deliveries.length === 0; i++) await new Promise((r) => setTimeout(r, 20));

    const events: ParsedWebhookEvent[] = [];
    for (const d of deliveries) {
      const check = verifyHubSpotSignatureV3({
        method: d.method,
        url: `http://${d.headers.host}${d.url}`,
        rawBody: d.body,
        timestamp: String(d.headers['x-hubspot-request-timestamp']),
        signature: String(d.headers['x-hubspot-signature-v3']),
        clientSecret,
        now: hs.clock.now(),
      });
      expect(check).toEqual({ ok: true, timestampMs: Number(d.headers['x-hubspot-request-timestamp']) });
      const parsed = parseWebhookEvents(d.body, { appId: String(appId) });
      if (!parsed.ok) throw new Error(parsed.message);
      events.push(...parsed.events);
    }
    const byRecord = new Map(events.map((e) => [e.recordId, e]));
    expect(ours?.ok && byRecord.get(ours.value.id)?.causedByUs).toBe(true);
    expect(byRecord.get(theirs.id)?.causedByUs).toBe(false);
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(events.length);
  });
});
