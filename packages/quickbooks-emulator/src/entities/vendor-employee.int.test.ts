import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../testing/harness.ts';

describe('Vendor and Employee name lists', () => {
  let h: Harness;
  const query = (text: string) => h.api('GET', `/query?query=${encodeURIComponent(text)}`);
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('creates a vendor with QBO defaults and derives DisplayName from the name parts', async () => {
    const res = await h.api('POST', '/vendor', {
      GivenName: 'Bessie',
      FamilyName: 'Williams',
      PrimaryEmailAddr: { Address: 'books@example.com' },
      TaxIdentifier: '123459875',
    });
    expect(res.status).toBe(200);
    expect(res.body.Vendor).toMatchObject({
      Id: expect.stringMatching(/^\d+$/),
      SyncToken: '0',
      domain: 'QBO',
      sparse: false,
      DisplayName: 'Bessie Williams',
      PrintOnCheckName: 'Bessie Williams',
      Active: true,
      Balance: 0,
      Vendor1099: false,
      CurrencyRef: { value: 'USD', name: 'United States Dollar' },
      TaxIdentifier: 'XXXXX9875',
    });
    expect(res.body.Vendor.FullyQualifiedName).toBeUndefined();
    const read = await h.api('GET', `/vendor/${res.body.Vendor.Id}`);
    expect(read.body.Vendor).toEqual(res.body.Vendor);
  });

  it('updates vendors fully and sparsely with SyncToken checks; a read-back tax id stays the real one', async () => {
    const v = (
      await h.api('POST', '/vendor', { DisplayName: 'Cigna', AcctNum: '77', TaxIdentifier: '99887766' })
    ).body.Vendor;
    const full = await h.api('POST', '/vendor', {
      Id: v.Id,
      SyncToken: '0',
      DisplayName: 'Cigna Health Care',
    });
    expect(full.body.Vendor).toMatchObject({ SyncToken: '1', DisplayName: 'Cigna Health Care' });
    expect(full.body.Vendor.AcctNum).toBeUndefined();
    const sparse = await h.api('POST', '/vendor', {
      Id: v.Id,
      SyncToken: '1',
      sparse: true,
      AcctNum: '88',
      TaxIdentifier: '11112222',
    });
    expect(sparse.body.Vendor).toMatchObject({ SyncToken: '2', AcctNum: '88', TaxIdentifier: 'XXXX2222' });
    const writeBack = await h.api('POST', '/vendor', { ...sparse.body.Vendor, AcctNum: '89' });
    expect(writeBack.body.Vendor).toMatchObject({ SyncToken: '3', TaxIdentifier: 'XXXX2222' });
    expect(h.app.control.state.realms.get(h.realmId)?.table('Vendor').get(v.Id)?.data.TaxIdentifier).toBe(
      '11112222',
    );
    const stale = await h.api('POST', '/vendor', { Id: v.Id, SyncToken: '1', sparse: true, AcctNum: 'x' });
    expect(stale.status).toBe(400);
    expect(stale.body.Fault.Error[0].code).toBe('5010');
  });

  it('deactivates instead of deleting; inactive records carry " (deleted)" and hide from default queries', async () => {
    const e = (
      await h.api('POST', '/employee', { GivenName: 'Emily', FamilyName: 'Platt', SSN: '123-45-6789' })
    ).body.Employee;
    expect(e).toMatchObject({
      DisplayName: 'Emily Platt',
      BillableTime: false,
      SSN: 'XXX-XX-XXXX',
      Active: true,
    });
    const del = await h.api('POST', '/employee?operation=delete', { Id: e.Id, SyncToken: e.SyncToken });
    expect(del.body.Fault.Error[0].code).toBe('500');
    const off = await h.api('POST', '/employee', { Id: e.Id, SyncToken: '0', sparse: true, Active: false });
    expect(off.body.Employee).toMatchObject({
      SyncToken: '1',
      Active: false,
      DisplayName: 'Emily Platt (deleted)',
      PrintOnCheckName: 'Emily Platt',
    });
    expect((await query('select * from Employee')).body.QueryResponse).toEqual({});
    const all = await query('SELECT * FROM Employee WHERE Active IN (true, false)');
    expect(all.body.QueryResponse.Employee.map((x: { Id: string }) => x.Id)).toEqual([e.Id]);
    const on = await h.api('POST', '/employee', { Id: e.Id, SyncToken: '1', sparse: true, Active: true });
    expect(on.body.Employee).toMatchObject({ SyncToken: '2', Active: true, DisplayName: 'Emily Platt' });
  });

  it('an update that changes nothing keeps SyncToken and LastUpdatedTime (as recorded for Employee)', async () => {
    const e = (await h.api('POST', '/employee', { GivenName: 'John', FamilyName: 'Johnson' })).body.Employee;
    const off = (await h.api('POST', '/employee', { Id: e.Id, SyncToken: '0', sparse: true, Active: false }))
      .body.Employee;
    const again = await h.api('POST', '/employee', {
      Id: e.Id,
      SyncToken: off.SyncToken,
      sparse: true,
      Active: false,
    });
    expect(again.body.Employee).toEqual(off);
  });

  it('queries vendors and employees by DisplayName, email and MetaData; unknown fields get 4001', async () => {
    await h.api('POST', '/vendor', {
      DisplayName: "Bob's Burger Joint",
      PrimaryEmailAddr: { Address: 'bob@x.io' },
    });
    const byName = await query("select * from Vendor where DisplayName = 'Bob\\'s Burger Joint'");
    expect(byName.body.QueryResponse.Vendor).toHaveLength(1);
    const byEmail = await query("select * from Vendor where PrimaryEmailAddr = 'bob@x.io'");
    expect(byEmail.body.QueryResponse.Vendor[0].DisplayName).toBe("Bob's Burger Joint");
    const since = await query("select count(*) from Vendor where MetaData.LastUpdatedTime >= '2020-01-01'");
    expect(since.body.QueryResponse.totalCount).toBeGreaterThanOrEqual(3);
    const byIn = await query(
      "select * from Employee where DisplayName in ('John Johnson (deleted)') and Active = false",
    );
    expect(byIn.body.QueryResponse.Employee).toHaveLength(1);
    const bad = await query("select * from Employee where Balance = '0'");
    expect(bad.body.Fault.Error[0]).toMatchObject({ code: '4001' });
  });

  it('requires a name (6080) and rejects unknown properties (2010)', async () => {
    expect((await h.api('POST', '/vendor', { CompanyName: '' })).body.Fault.Error[0].code).toBe('6080');
    expect((await h.api('POST', '/employee', {})).body.Fault.Error[0].code).toBe('6080');
    const unknown = await h.api('POST', '/employee', { GivenName: 'A', Vendor1099: true });
    expect(unknown.body.Fault.Error[0].code).toBe('2010');
  });
});
