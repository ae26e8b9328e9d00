import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Receiver, startReceiver } from '../testing/receiver.ts';
import { type RunningEmulator, startEmulator } from '../testing/start-emulator.ts';
import type { WebhookEvent } from './event-payload.ts';
import { signatureV1, signatureV3 } from './signatures.ts';

const SECRET = 'test-secret';
let emu: RunningEmulator;
let hook: Receiver;
beforeAll(async () => {
  hook = await startReceiver();
  emu = await startEmulator({
    rateLimits: false,
    app: {
      clientSecret: SECRET,
      appId: 777,
      webhooks: {
        targetUrl: `${hook.url}/hubspot/webhooks`,
        subscriptions: [
          { subscriptionType: 'object.creation', objectType: 'invoices' },
          {
            subscriptionType: 'object.propertyChange',
            objectType: 'invoices',
            propertyName: 'hs_invoice_status',
          },
          { subscriptionType: 'object.deletion', objectType: 'contacts' },
          { subscriptionType: 'object.associationChange', objectType: 'invoices' },
        ],
      },
    },
    webhooks: { timeScale: 0.001, maxBatchSize: 2, batchWindowMs: 1_500_000 },
  });
});
afterAll(async () => {
  await emu.close();
  await hook.close();
});
beforeEach(() => {
  hook.received.length = 0;
});

const events = (i: number): WebhookEvent[] => JSON.parse(hook.received[i]?.body ?? '[]') as WebhookEvent[];
const flush = () => emu.post('/_emulator/webhooks/flush', {});

describe('webhook delivery', () => {
  it('delivers signed JSON arrays that tell API writes from UI writes', async () => {
    const { client, portalId } = await emu.portalWithClient();
    const inv = await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    await flush();
    expect(hook.received).toHaveLength(1);
    const req = hook.received[0];
    const uri = `${hook.url}/hubspot/webhooks`;
    const ts = Number(req?.headers['x-hubspot-request-timestamp']);
    expect(req?.headers['x-hubspot-signature-v3']).toBe(
      signatureV3(SECRET, 'POST', uri, req?.body ?? '', ts),
    );
    expect(req?.headers['x-hubspot-signature']).toBe(signatureV1(SECRET, req?.body ?? ''));
    expect(req?.headers['x-hubspot-signature-version']).toBe('v1');
    expect(events(0)).toEqual([
      expect.objectContaining({
        subscriptionType: 'object.creation',
        objectTypeId: '0-53',
        objectId: Number(inv.id),
        portalId,
        appId: 777,
        attemptNumber: 0,
        changeSource: 'INTEGRATION',
        sourceId: '777',
      }),
    ]);
    await emu.post(`/_emulator/portals/${portalId}/ui/invoices/${inv.id}/void`, { userId: 5 });
    await flush();
    expect(events(1)).toEqual([
      expect.objectContaining({
        subscriptionType: 'object.propertyChange',
        propertyName: 'hs_invoice_status',
        propertyValue: 'voided',
        changeSource: 'CRM_UI',
        sourceId: 'userId:5',
      }),
    ]);
  });

  it('batches at most maxBatchSize events per request and reports association changes', async () => {
    const { client } = await emu.portalWithClient();
    const inv = await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    const contact = await client.crm.objects.basicApi.create('contacts', { properties: { email: 'w@x.io' } });
    await client.crm.associations.v4.basicApi.createDefault('invoices', inv.id, 'contacts', contact.id);
    await client.crm.objects.basicApi.archive('contacts', contact.id);
    await flush();
    const all = hook.received.flatMap((_, i) => events(i));
    expect(hook.received.every((_, i) => events(i).length <= 2)).toBe(true);
    expect(all.map((e) => e.subscriptionType).sort()).toEqual([
      'object.associationChange',
      'object.creation',
      'object.deletion',
    ]);
    expect(all.find((e) => e.subscriptionType === 'object.associationChange')).toMatchObject({
      associationTypeId: 177,
      toObjectId: Number(contact.id),
      associationRemoved: false,
    });
  });

  it('retries a failed delivery with a higher attemptNumber', async () => {
    const { client } = await emu.portalWithClient();
    hook.failNext(1, 503);
    await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    await flush();
    await flush();
    expect(hook.received).toHaveLength(2);
    expect(events(0)[0]?.attemptNumber).toBe(0);
    expect(events(1)[0]?.attemptNumber).toBe(1);
    expect(events(1)[0]?.eventId).toBe(events(0)[0]?.eventId);
  });

  it('drops and duplicates events on request', async () => {
    const { client } = await emu.portalWithClient();
    await emu.post('/_emulator/webhooks/chaos', { drop: 1, duplicate: 1 });
    await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    await flush();
    const all = hook.received.flatMap((_, i) => events(i));
    expect(all).toHaveLength(2);
    expect(all[0]?.eventId).toBe(all[1]?.eventId);
  });

  it('reorders a batch on request', async () => {
    const { client } = await emu.portalWithClient();
    await emu.post('/_emulator/webhooks/chaos', { reorder: true });
    const a = await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    const b = await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    await flush();
    await emu.post('/_emulator/webhooks/chaos', { reorder: false });
    expect(events(0).map((e) => String(e.objectId))).toEqual([b.id, a.id]);
  });

  it('delivers on its own after the (time-scaled) batch window', async () => {
    const { client } = await emu.portalWithClient();
    await client.crm.objects.basicApi.create('invoices', { properties: { hs_currency: 'USD' } });
    await hook.waitFor(1);
    expect(events(0)[0]?.subscriptionType).toBe('object.creation');
  });
});

describe('UI requests', () => {
  it('signs and sends a hubspot.fetch-style request to the backend', async () => {
    const { portalId } = await emu.portalWithClient();
    const res = await emu.post('/_emulator/ui-requests', {
      url: `${hook.url}/card/status?invoiceId=12`,
      method: 'POST',
      body: { hello: 'card' },
      portalId,
      userId: 3,
    });
    expect(((await res.json()) as { status: number }).status).toBe(200);
    const req = hook.received[0];
    const full = `${hook.url}${req?.url}`;
    expect(new URL(full).searchParams.get('portalId')).toBe(String(portalId));
    const ts = Number(req?.headers['x-hubspot-request-timestamp']);
    expect(req?.headers['x-hubspot-signature-v3']).toBe(
      signatureV3(SECRET, 'POST', full, '{"hello":"card"}', ts),
    );
  });
});
