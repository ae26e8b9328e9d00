import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../test-support/harness.ts';

describe('entity CRUD', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  beforeAll(async () => {
    h = await startHarness();
    ids = await seedBasics(h);
  });
  afterAll(() => h.close());

  it('creates an invoice with computed totals, SubTotal line, auto DocNumber and MetaData', async () => {
    const res = await h.api('POST', '/invoice?minorversion=75', {
      CustomerRef: { value: ids.customerId },
      Line: [
        {
          Amount: 150,
          DetailType: 'SalesItemLineDetail',
          SalesItemLineDetail: { ItemRef: { value: ids.itemId }, Qty: 2, UnitPrice: 75 },
        },
        {
          Amount: 25.5,
          DetailType: 'SalesItemLineDetail',
          SalesItemLineDetail: { ItemRef: { value: ids.itemId } },
        },
      ],
    });
    expect(res.status).toBe(200);
    const inv = res.body.Invoice;
    expect(inv).toMatchObject({
      Id: expect.stringMatching(/^\d+$/),
      SyncToken: '0',
      TotalAmt: 175.5,
      Balance: 175.5,
      DocNumber: '1001',
      domain: 'QBO',
      sparse: false,
    });
    expect(inv.Line.at(-1)).toEqual({
      Amount: 175.5,
      DetailType: 'SubTotalLineDetail',
      SubTotalLineDetail: {},
    });
    expect(inv.Line[0]).toMatchObject({ Id: '1', LineNum: 1 });
    expect(inv.CustomerRef).toEqual({ value: ids.customerId, name: 'Amy Bird' });
    expect(inv.MetaData.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(res.body.time).toMatch(/\.\d{3}[+-]\d\d:\d\d$/);
    expect(res.headers.intuit_tid).toBeDefined();
  });
});
