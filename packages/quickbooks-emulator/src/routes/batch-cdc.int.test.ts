import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness, TestClock } from '../testing/harness.ts';

describe('batch, CDC and requestid', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  const clock = new TestClock();
  const line = (amount: number) => ({
    Amount: amount,
    DetailType: 'SalesItemLineDetail',
    SalesItemLineDetail: { ItemRef: { value: ids.itemId } },
  });
  beforeAll(async () => {
    h = await startHarness({ clock });
    ids = await seedBasics(h);
  });
  afterAll(() => h.close());

  it('runs items in request order with per-item Faults and HTTP 200; items do not see each other', async () => {
    const inv = (await h.api('POST', '/invoice', { CustomerRef: { value: ids.customerId }, Line: [line(5)] }))
      .body.Invoice;
    const res = await h.api('POST', '/batch', {
      BatchItemRequest: [
        { bId: '1', operation: 'create', Customer: { DisplayName: 'Batch Co' } },
        {
          bId: '2',
          operation: 'create',
          Invoice: { CustomerRef: { value: String(Number(ids.customerId) + 1) }, Line: [line(1)] },
        },
        {
          bId: '3',
          operation: 'update',
          Invoice: { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, PrivateNote: 'batched' },
        },
        { bId: '4', operation: 'delete', Invoice: { Id: '999', SyncToken: '0' } },
        { bId: '5', Query: "select * from Customer where DisplayName = 'Batch Co'" },
        { bId: '6', operation: 'update', optionsData: 'void', Invoice: { Id: inv.Id, SyncToken: '1' } },
      ],
    });
    expect(res.status).toBe(200);
    const items = res.body.BatchItemResponse;
    expect(items.map((i: { bId: string }) => i.bId)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(items[0].Customer.DisplayName).toBe('Batch Co');
    expect(items[1].Fault.Error[0].code).toBe('2500');
    expect(items[2].Invoice.PrivateNote).toBe('batched');
    expect(items[3].Fault).toMatchObject({ type: 'ValidationFault', Error: [{ code: '610' }] });
    expect(items[4].QueryResponse).toEqual({});
    expect(items[5].Invoice).toMatchObject({ TotalAmt: 0, PrivateNote: 'Voided - batched' });
    // After the batch, its records are visible as usual.
    const after = await h.api(
      'GET',
      `/query?query=${encodeURIComponent("select * from Customer where DisplayName = 'Batch Co'")}`,
    );
    expect(after.body.QueryResponse.Customer).toHaveLength(1);
  });

  it('refuses more than 30 items with 1040', async () => {
    const items = Array.from({ length: 31 }, (_, i) => ({ bId: String(i), Query: 'select * from Item' }));
    const res = await h.api('POST', '/batch', { BatchItemRequest: items });
    expect(res.status).toBe(400);
    expect(res.body.Fault.Error[0].code).toBe('1040');
  });

  it('CDC returns changed entities and deletions since changedSince, accepting a space for +', async () => {
    clock.tick(60_000);
    const since = clock.now();
    clock.tick(1000);
    const a = (await h.api('POST', '/invoice', { CustomerRef: { value: ids.customerId }, Line: [line(7)] }))
      .body.Invoice;
    const b = (await h.api('POST', '/invoice', { CustomerRef: { value: ids.customerId }, Line: [line(8)] }))
      .body.Invoice;
    await h.api('POST', '/invoice?operation=delete', { Id: b.Id, SyncToken: b.SyncToken });
    // node-quickbooks sends `2026-03-02T09:01:00+00:00` unencoded, so `+` arrives as a space.
    const raw = `${since.toISOString().slice(0, 19)}+00:00`;
    const res = await fetch(
      `${h.baseUrl}/v3/company/${h.realmId}/cdc?entities=Invoice,customer&changedSince=${raw}`,
      {
        headers: { authorization: `Bearer ${h.token}`, accept: 'application/json' },
      },
    );
    const body = (await res.json()) as {
      CDCResponse: Array<{ QueryResponse: Array<Record<string, unknown>> }>;
    };
    const [invoices, customers] = body.CDCResponse[0]?.QueryResponse ?? [];
    const list = invoices?.Invoice as Array<Record<string, unknown>>;
    expect(list.map((i) => i.Id)).toEqual([a.Id, b.Id]);
    expect(list[1]).toMatchObject({ Id: b.Id, status: 'Deleted', domain: 'QBO' });
    expect(invoices).toMatchObject({ startPosition: 1, maxResults: 2, totalCount: 2 });
    expect(customers).toEqual({});
  });

  it('CDC returns at most 1000 objects across the requested entities', async () => {
    const since = new Date(clock.now().getTime() - 1000).toISOString();
    const Customer = Array.from({ length: 1001 }, (_, i) => ({ DisplayName: `Bulk ${i}` }));
    expect((await h.control('POST', `/realms/${h.realmId}/seed`, { Customer })).status).toBe(200);
    const res = await h.api(
      'GET',
      `/cdc?entities=Customer,Invoice&changedSince=${encodeURIComponent(since)}&format=json`,
    );
    const [customers, invoices] = res.body.CDCResponse[0].QueryResponse;
    expect(customers.Customer.length + (invoices.Invoice?.length ?? 0)).toBe(1000);
  });

  it('CDC refuses a changedSince older than 30 days', async () => {
    const old = new Date(clock.now().getTime() - 31 * 24 * 3600 * 1000).toISOString();
    const res = await h.api('GET', `/cdc?entities=Invoice&changedSince=${encodeURIComponent(old)}`);
    expect(res.status).toBe(400);
    expect(res.body.Fault.Error[0].Detail).toContain('which is older than fixed days is not supported');
  });

  it('a repeated requestid returns the original response without doing the work again', async () => {
    const body = { CustomerRef: { value: ids.customerId }, Line: [line(9)] };
    const first = await h.api('POST', '/invoice?requestid=abc-123', body);
    const second = await h.api('POST', '/invoice?requestid=abc-123', body);
    expect(second.raw).toBe(first.raw);
    const count = await h.api(
      'GET',
      `/query?query=${encodeURIComponent("select count(*) from Invoice where TotalAmt = '9'")}`,
    );
    expect(count.body.QueryResponse.totalCount).toBe(1);
    const viaHeader = await h.api('POST', '/invoice', body, { 'request-id': 'hdr-1' });
    const viaHeaderAgain = await h.api('POST', '/invoice', body, { 'request-id': 'hdr-1' });
    expect(viaHeaderAgain.body.Invoice.Id).toBe(viaHeader.body.Invoice.Id);
    const failed = await h.api('POST', '/customer?requestid=dup-fault', { DisplayName: 'Amy Bird' });
    const failedAgain = await h.api('POST', '/customer?requestid=dup-fault', { DisplayName: 'Totally New' });
    expect(failedAgain.raw).toBe(failed.raw);
  });
});
