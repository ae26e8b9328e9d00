import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness, TestClock } from '../testing/harness.ts';

describe('vendors and employees in seed, batch, CDC and webhooks', () => {
  let h: Harness;
  const clock = new TestClock();
  beforeAll(async () => {
    h = await startHarness({ clock });
  });
  afterAll(() => h.close());

  it('seed creates vendors and employees through the real rules', async () => {
    const res = await h.control('POST', `/realms/${h.realmId}/seed`, {
      Vendor: [{ DisplayName: 'Seeded Vendor', Active: false }],
      Employee: [{ GivenName: 'Seeded', FamilyName: 'Employee' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.Vendor[0]).toMatchObject({ DisplayName: 'Seeded Vendor (deleted)', Active: false });
    expect(res.body.Employee[0]).toMatchObject({ DisplayName: 'Seeded Employee', BillableTime: false });
  });

  it('batch creates, updates and queries them', async () => {
    const v = (await h.api('POST', '/vendor', { DisplayName: 'Batch Vendor' })).body.Vendor;
    const res = await h.api('POST', '/batch', {
      BatchItemRequest: [
        { bId: 'a', operation: 'create', Employee: { DisplayName: 'Batch Emp' } },
        { bId: 'b', operation: 'update', Vendor: { Id: v.Id, SyncToken: '0', sparse: true, AcctNum: '42' } },
        { bId: 'c', Query: "select * from Vendor where DisplayName = 'Batch Vendor'" },
      ],
    });
    const [a, b, c] = res.body.BatchItemResponse;
    expect(a.Employee).toMatchObject({ DisplayName: 'Batch Emp', SyncToken: '0' });
    expect(b.Vendor).toMatchObject({ SyncToken: '1', AcctNum: '42' });
    expect(c.QueryResponse.Vendor[0]).toMatchObject({ Id: v.Id, AcctNum: '42' });
  });

  it('CDC returns changed vendors and employees, inactive ones included', async () => {
    clock.tick(60_000);
    const since = clock.now().toISOString();
    clock.tick(1_000);
    const v = (await h.api('POST', '/vendor', { DisplayName: 'CDC Vendor' })).body.Vendor;
    const e = (await h.api('POST', '/employee', { DisplayName: 'CDC Emp' })).body.Employee;
    await h.api('POST', '/employee', { Id: e.Id, SyncToken: '0', sparse: true, Active: false });
    const res = await h.api('GET', `/cdc?entities=Vendor,Employee&changedSince=${encodeURIComponent(since)}`);
    const [vendors, employees] = res.body.CDCResponse[0].QueryResponse;
    expect(vendors.Vendor.map((x: { Id: string }) => x.Id)).toEqual([v.Id]);
    expect(employees.Employee).toEqual([
      expect.objectContaining({ Id: e.Id, Active: false, SyncToken: '1' }),
    ]);
  });

  it('writes emit change events (the webhook source) named Vendor and Employee', async () => {
    const seen: string[] = [];
    h.app.control.state.onChange((e) => seen.push(`${e.entity}:${e.operation}`));
    const v = (await h.api('POST', '/vendor', { DisplayName: 'Event Vendor' })).body.Vendor;
    await h.api('POST', '/vendor', { Id: v.Id, SyncToken: '0', sparse: true, Active: false });
    await h.api('POST', '/employee', { DisplayName: 'Event Emp' });
    expect(seen).toEqual(['Vendor:Create', 'Vendor:Update', 'Employee:Create']);
  });
});
