import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

// Clients such as node-quickbooks read an entity and post the whole object back as an update;
// everything QBO returns must therefore be accepted on the way in.
describe('read → write back round trip', () => {
  let h: Harness;
  const paths: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness();
    const ids = await seedBasics(h);
    const inv = (
      await h.api('POST', '/invoice', {
        CustomerRef: { value: ids.customerId },
        AutoDocNumber: true,
        Line: [
          {
            Amount: 50,
            DetailType: 'SalesItemLineDetail',
            SalesItemLineDetail: { ItemRef: { value: ids.itemId }, Qty: 1, UnitPrice: 50 },
          },
        ],
      })
    ).body.Invoice;
    const pay = (
      await h.api('POST', '/payment', {
        CustomerRef: { value: ids.customerId },
        TotalAmt: 20,
        Line: [{ Amount: 20, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
      })
    ).body.Payment;
    Object.assign(paths, {
      Customer: `/customer/${ids.customerId}`,
      Item: `/item/${ids.itemId}`,
      Account: '/account/1',
      Invoice: `/invoice/${inv.Id}`,
      Payment: `/payment/${pay.Id}`,
    });
  });
  afterAll(() => h.close());

  it.each(['Customer', 'Item', 'Account', 'Invoice', 'Payment'])(
    '%s read back and posted whole is a valid full and sparse update',
    async (name) => {
      const read = (await h.api('GET', paths[name] as string)).body[name];
      const full = await h.api('POST', `/${name.toLowerCase()}?operation=update`, read);
      expect(full.status).toBe(200);
      expect(full.body[name].SyncToken).toBe(String(Number(read.SyncToken) + 1));
      const sparse = await h.api('POST', `/${name.toLowerCase()}`, { ...full.body[name], sparse: true });
      expect(sparse.status).toBe(200);
      const { SyncToken: _a, MetaData: _b, ...before } = full.body[name];
      const { SyncToken: _c, MetaData: _d, ...after } = sparse.body[name];
      expect(after).toEqual(before);
    },
  );
});
