import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

describe('GET/POST /query', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  const q = (text: string) => h.api('GET', `/query?query=${encodeURIComponent(text)}&minorversion=75`);
  beforeAll(async () => {
    h = await startHarness();
    ids = await seedBasics(h);
    for (const [doc, amount] of [
      ['A-1', 10],
      ['A-2', 20],
      ['B-1', 30],
    ] as const) {
      await h.api('POST', '/invoice', {
        DocNumber: doc,
        CustomerRef: { value: ids.customerId },
        Line: [
          {
            Amount: amount,
            DetailType: 'SalesItemLineDetail',
            SalesItemLineDetail: { ItemRef: { value: ids.itemId } },
          },
        ],
      });
    }
    const gone = (
      await h.api('POST', '/customer', {
        DisplayName: 'Inactive One',
        PrimaryEmailAddr: { Address: 'x@y.com' },
      })
    ).body.Customer;
    await h.api('POST', '/customer', { Id: gone.Id, SyncToken: '0', sparse: true, Active: false });
  });
  afterAll(() => h.close());

  it('filters with = IN < > <= >= LIKE, quoted or not, and orders', async () => {
    const docs = async (text: string) =>
      ((await q(text)).body.QueryResponse.Invoice ?? []).map((i: { DocNumber: string }) => i.DocNumber);
    expect(await docs("select * from invoice where DocNumber = 'A-2'")).toEqual(['A-2']);
    expect(await docs("SELECT * FROM Invoice WHERE DocNumber IN ('A-1', 'B-1')")).toEqual(['A-1', 'B-1']);
    expect(await docs("SELECT * FROM Invoice WHERE DocNumber LIKE 'A%' ORDERBY DocNumber DESC")).toEqual([
      'A-2',
      'A-1',
    ]);
    expect(await docs('SELECT * FROM Invoice WHERE Balance > 15 AND Balance <= 30')).toEqual(['A-2', 'B-1']);
    expect(await docs("SELECT * FROM Invoice WHERE TotalAmt >= '20.00'")).toEqual(['A-2', 'B-1']);
    expect(
      await docs(`SELECT * FROM Invoice WHERE CustomerRef = '${ids.customerId}' AND Balance < '20'`),
    ).toEqual(['A-1']);
    expect(
      await docs("SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime > '2000-01-01T00:00:00-0700'"),
    ).toHaveLength(3);
    expect(await docs(`SELECT * FROM Invoice WHERE TxnDate >= '2000-01-01' AND Id IN ('1', '2')`)).toEqual([
      'A-1',
      'A-2',
    ]);
  });

  it('pages with STARTPOSITION (1-based) and MAXRESULTS, and counts', async () => {
    const page = await q('SELECT * FROM Invoice ORDERBY Id STARTPOSITION 2 MAXRESULTS 1');
    expect(page.body.QueryResponse).toMatchObject({ startPosition: 2, maxResults: 1 });
    expect(page.body.QueryResponse.Invoice[0].DocNumber).toBe('A-2');
    expect((await q('select count(*) from Invoice')).body.QueryResponse).toEqual({ totalCount: 3 });
    expect((await q("SELECT * FROM Invoice WHERE DocNumber = 'none'")).body.QueryResponse).toEqual({});
  });

  it('MAXRESULTS defaults to 100', async () => {
    const Item = Array.from({ length: 120 }, (_, i) => ({
      Name: `Bulk item ${i}`,
      IncomeAccountRef: { value: '1' },
    }));
    await h.control('POST', `/realms/${h.realmId}/seed`, { Item });
    const res = await h.api('GET', `/query?query=${encodeURIComponent('select * from Item')}&format=json`);
    expect(res.body.QueryResponse).toMatchObject({ startPosition: 1, maxResults: 100 });
    expect(res.body.QueryResponse.Item).toHaveLength(100);
  });

  it('name lists default to active records; Active filters include inactive ones', async () => {
    const names = async (text: string) =>
      (await q(text)).body.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName);
    expect(await names('SELECT * FROM Customer')).toEqual(['Amy Bird']);
    expect(await names('SELECT * FROM Customer WHERE Active IN (true, false)')).toEqual([
      'Amy Bird',
      'Inactive One (deleted)',
    ]);
    expect(
      await names("SELECT * FROM Customer WHERE Active = false AND PrimaryEmailAddr = 'x@y.com'"),
    ).toEqual(['Inactive One (deleted)']);
    expect((await q("SELECT * FROM Item WHERE Name = 'Design'")).body.QueryResponse.Item).toHaveLength(1);
    expect((await q("SELECT * FROM Item WHERE Name = 'design'")).body.QueryResponse.Item).toHaveLength(1);
  });

  it('POST /query takes the SELECT as an application/text body', async () => {
    const res = await h.api('POST', '/query', "select * from Item where Name LIKE 'Des%'", {
      'content-type': 'application/text',
    });
    expect(res.body.QueryResponse.Item[0].Name).toBe('Design');
  });

  it('errors: 4000 parse, 4001 unknown property / entity / bounds', async () => {
    const parse = await q("SELECT * FROM Customer WHERE DisplayName = 'O'Brien'");
    expect(parse.status).toBe(400);
    expect(parse.body.Fault.Error[0]).toMatchObject({ code: '4000', Message: 'Error parsing query' });
    expect(parse.body.Fault.Error[0].Detail).toMatch(/^QueryParserError: Encountered/);
    const prop = await q('SELECT * FROM Invoice WHERE NoSuchField = 1');
    expect(prop.body.Fault.Error[0]).toMatchObject({
      code: '4001',
      Detail: 'QueryValidationError: Property NoSuchField not found for Entity Invoice',
    });
    const zero = await q('SELECT * FROM Invoice STARTPOSITION 0');
    expect(zero.body.Fault.Error[0].Detail).toBe(
      'QueryValidationError: value 0 is too small. Min allowed value is 1',
    );
    expect((await q('SELECT * FROM Invoice MAXRESULTS 1001')).body.Fault.Error[0].code).toBe('4001');
  });
});
