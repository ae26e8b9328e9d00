import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

describe('customer merge (R-OBJ-7)', () => {
  let receiver: Server;
  const bodies: string[] = [];
  let h: Harness;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        bodies.push(body);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    h = await startHarness({
      webhooks: { url, verifierToken: 'v', aggregationWindowMs: 20, retryTimeScale: 0.001 },
    });
  });
  afterAll(async () => {
    await h.close();
    await new Promise((r) => receiver.close(r));
  });

  it('removes the merged-away customer, moves its invoices to the survivor and reports Merge with deletedId', async () => {
    const ids = await seedBasics(h);
    const into = (await h.api('POST', '/customer', { DisplayName: 'Amy Bird Ltd' })).body.Customer;
    const invoice = await h.api('POST', '/invoice', {
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
    await h.app.control.webhooks.idle();
    bodies.length = 0;

    const merged = await h.control('POST', `/realms/${h.realmId}/customers/merge`, {
      fromId: ids.customerId,
      intoId: into.Id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.Customer).toMatchObject({ Id: into.Id, DisplayName: 'Amy Bird Ltd', SyncToken: '1' });

    expect((await h.api('GET', `/customer/${ids.customerId}`)).status).toBe(400);
    const moved = await h.api('GET', `/invoice/${invoice.body.Invoice.Id}`);
    expect(moved.body.Invoice.CustomerRef.value).toBe(into.Id);

    await h.control('POST', '/webhooks/flush');
    await h.app.control.webhooks.idle();
    const entities = bodies.flatMap((b) => JSON.parse(b).eventNotifications[0].dataChangeEvent.entities);
    expect(entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Customer',
          id: into.Id,
          operation: 'Merge',
          deletedId: ids.customerId,
        }),
        expect.objectContaining({ name: 'Invoice', id: invoice.body.Invoice.Id, operation: 'Update' }),
      ]),
    );

    const now = Date.parse((await h.control('GET', '/clock')).body.now);
    const since = new Date(now - 3_600_000).toISOString();
    const cdc = await h.api('GET', `/cdc?entities=Customer&changedSince=${encodeURIComponent(since)}`);
    const customers = cdc.body.CDCResponse[0].QueryResponse[0].Customer as { Id: string; status?: string }[];
    expect(customers).toEqual(
      expect.arrayContaining([expect.objectContaining({ Id: ids.customerId, status: 'Deleted' })]),
    );
  });

  it('refuses a merge of unknown customers or of a customer into itself', async () => {
    const c = (await h.api('POST', '/customer', { DisplayName: 'Solo' })).body.Customer;
    expect(
      (await h.control('POST', `/realms/${h.realmId}/customers/merge`, { fromId: c.Id, intoId: c.Id }))
        .status,
    ).toBe(400);
    expect(
      (await h.control('POST', `/realms/${h.realmId}/customers/merge`, { fromId: '999', intoId: c.Id }))
        .status,
    ).toBe(400);
    expect((await h.control('POST', `/realms/${h.realmId}/customers/merge`, { fromId: c.Id })).status).toBe(
      400,
    );
  });
});
