import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

describe('entity CRUD', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  const line = (amount: number, extra: Record<string, unknown> = {}) => ({
    Amount: amount,
    DetailType: 'SalesItemLineDetail',
    SalesItemLineDetail: { ItemRef: { value: ids.itemId }, ...extra },
  });
  beforeAll(async () => {
    h = await startHarness();
    ids = await seedBasics(h);
  });
  afterAll(() => h.close());

  it('creates an invoice with computed totals, SubTotal line, auto DocNumber and MetaData', async () => {
    const res = await h.api('POST', '/invoice?minorversion=75', {
      CustomerRef: { value: ids.customerId },
      Line: [line(150, { Qty: 2, UnitPrice: 75 }), line(25.5)],
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
      BillEmail: { Address: 'amy@example.com' },
    });
    expect(inv.Line.at(-1)).toEqual({
      Amount: 175.5,
      DetailType: 'SubTotalLineDetail',
      SubTotalLineDetail: {},
    });
    expect(inv.Line[0]).toMatchObject({ Id: '1', LineNum: 1 });
    expect(inv.Line[1].SalesItemLineDetail.TaxCodeRef).toEqual({ value: 'NON' });
    expect(inv.CustomerRef).toEqual({ value: ids.customerId, name: 'Amy Bird' });
    expect(inv.MetaData.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(res.body.time).toMatch(/\.\d{3}[+-]\d\d:\d\d$/);
    expect(res.headers.intuit_tid).toBeDefined();
  });

  it('reads, fully updates and sparsely updates, bumping SyncToken each time; stale token gets 5010', async () => {
    const inv = (
      await h.api('POST', '/invoice', {
        CustomerRef: { value: ids.customerId },
        Line: [line(10)],
        PrivateNote: 'n',
      })
    ).body.Invoice;
    const read = await h.api('GET', `/invoice/${inv.Id}`);
    expect(read.body.Invoice).toEqual(inv);
    const full = await h.api('POST', '/invoice', {
      Id: inv.Id,
      SyncToken: '0',
      CustomerRef: { value: ids.customerId },
      Line: [line(20)],
    });
    expect(full.body.Invoice).toMatchObject({ SyncToken: '1', TotalAmt: 20, DocNumber: inv.DocNumber });
    expect(full.body.Invoice.PrivateNote).toBeUndefined();
    expect(full.body.Invoice.Line[0].Id).toBe('2');
    const sparse = await h.api('POST', '/invoice?operation=update', {
      Id: inv.Id,
      SyncToken: '1',
      sparse: true,
      PrivateNote: 'kept lines',
    });
    expect(sparse.body.Invoice).toMatchObject({ SyncToken: '2', TotalAmt: 20, PrivateNote: 'kept lines' });
    const stale = await h.api('POST', '/invoice', {
      Id: inv.Id,
      SyncToken: '1',
      sparse: true,
      PrivateNote: 'x',
    });
    expect(stale.status).toBe(400);
    expect(stale.body.Fault).toMatchObject({
      type: 'ValidationFault',
      Error: [{ code: '5010', Message: 'Stale Object Error' }],
    });
  });

  it('deletes an invoice; reading it afterwards is 610', async () => {
    const inv = (
      await h.api('POST', '/invoice', { CustomerRef: { value: ids.customerId }, Line: [line(10)] })
    ).body.Invoice;
    const del = await h.api('POST', '/invoice?operation=delete', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(del.body.Invoice).toEqual({ domain: 'QBO', status: 'Deleted', Id: inv.Id });
    const again = await h.api('GET', `/invoice/${inv.Id}`);
    expect(again.status).toBe(400);
    expect(again.body.Fault.Error[0].code).toBe('610');
    const missing = await h.api('POST', '/invoice?operation=delete', { Id: '9999', SyncToken: '0' });
    expect(missing.body.Fault.Error[0].code).toBe('610');
  });

  it('voids an invoice: amounts zeroed, PrivateNote marked, SyncToken bumped', async () => {
    const inv = (
      await h.api('POST', '/invoice', {
        CustomerRef: { value: ids.customerId },
        Line: [line(150, { Qty: 2, UnitPrice: 75 })],
        PrivateNote: 'memo',
      })
    ).body.Invoice;
    const res = await h.api('POST', '/invoice?operation=void', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(res.body.Invoice).toMatchObject({
      TotalAmt: 0,
      Balance: 0,
      SyncToken: '1',
      PrivateNote: 'Voided - memo',
    });
    expect(res.body.Invoice.Line[0]).toMatchObject({ Amount: 0 });
  });

  it('customers, items and accounts: create, read, sparse update, inactivate with (deleted) suffix', async () => {
    const c = (await h.api('POST', '/customer', { GivenName: 'Jane', FamilyName: 'Doe' })).body.Customer;
    expect(c).toMatchObject({
      DisplayName: 'Jane Doe',
      FullyQualifiedName: 'Jane Doe',
      Active: true,
      Balance: 0,
      CurrencyRef: { value: 'USD', name: 'United States Dollar' },
    });
    const off = await h.api('POST', '/customer', {
      Id: c.Id,
      SyncToken: c.SyncToken,
      sparse: true,
      Active: false,
    });
    expect(off.body.Customer).toMatchObject({
      Active: false,
      DisplayName: 'Jane Doe (deleted)',
      SyncToken: '1',
    });
    const acct = (await h.api('POST', '/account', { Name: 'Consulting Income', AccountType: 'Income' })).body
      .Account;
    expect(acct).toMatchObject({
      Classification: 'Revenue',
      AccountSubType: 'ServiceFeeIncome',
      Active: true,
    });
    const item = (
      await h.api('POST', '/item', {
        Name: 'Consulting',
        Type: 'Service',
        IncomeAccountRef: { value: acct.Id },
        Sku: 'C-1',
      })
    ).body.Item;
    expect(item.IncomeAccountRef).toEqual({ value: acct.Id, name: 'Consulting Income' });
    expect((await h.api('GET', `/item/${item.Id}`)).body.Item.Sku).toBe('C-1');
    const noDelete = await h.api('POST', '/customer?operation=delete', { Id: c.Id, SyncToken: '1' });
    expect(noDelete.body.Fault.Error[0].code).toBe('500');
  });

  it('preferences, company info and tax codes', async () => {
    const prefs = await h.api('GET', '/preferences');
    expect(prefs.body.Preferences.SalesFormsPrefs.CustomTxnNumbers).toBe(false);
    const upd = await h.api('POST', '/preferences', {
      SyncToken: prefs.body.Preferences.SyncToken,
      sparse: true,
      SalesFormsPrefs: { CustomTxnNumbers: true },
    });
    expect(upd.body.Preferences).toMatchObject({
      SyncToken: '1',
      SalesFormsPrefs: { CustomTxnNumbers: true, AllowDiscount: true },
    });
    const info = await h.api('GET', `/companyinfo/${h.realmId}`);
    expect(info.body.CompanyInfo).toMatchObject({ Country: 'US', CompanyName: 'Sandbox Company' });
    const tax = await h.api('GET', '/taxcode/TAX');
    expect(tax.body.TaxCode.Name).toBe('TAX');
    const create = await h.api('POST', '/taxcode', { Name: 'X' });
    expect(create.body.Fault.Error[0]).toMatchObject({ code: '500', Message: 'Unsupported Operation' });
  });

  it('rejects unknown properties (2010), malformed ids (2030) and missing required fields (2020)', async () => {
    const unknown = await h.api('POST', '/customer', { DisplayName: 'Z', Bogus: 1 });
    expect(unknown.body.Fault.Error[0]).toMatchObject({ code: '2010' });
    expect(unknown.body.Fault.Error[0].Detail).toContain('Bogus');
    expect((await h.api('GET', '/invoice/abc')).body.Fault.Error[0].code).toBe('2030');
    const noLine = await h.api('POST', '/invoice', { CustomerRef: { value: ids.customerId } });
    expect(noLine.body.Fault.Error[0]).toMatchObject({
      code: '2020',
      Detail: 'Required parameter Line is missing in the request',
      element: 'Line',
    });
  });

  it('PDF and send', async () => {
    const inv = (
      await h.api('POST', '/invoice', {
        CustomerRef: { value: ids.customerId },
        Line: [line(10)],
        DocNumber: 'PDF-1',
      })
    ).body.Invoice;
    const pdf = await fetch(`${h.baseUrl}/v3/company/${h.realmId}/invoice/${inv.Id}/pdf`, {
      headers: { authorization: `Bearer ${h.token}`, accept: 'application/pdf' },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    expect(bytes).toContain('Invoice PDF-1');
    const sent = await h.api(
      'POST',
      `/invoice/${inv.Id}/send?sendTo=${encodeURIComponent('billing@example.com')}`,
      '',
      { 'content-type': 'application/octet-stream' },
    );
    expect(sent.body.Invoice).toMatchObject({
      EmailStatus: 'EmailSent',
      BillEmail: { Address: 'billing@example.com' },
      DeliveryInfo: { DeliveryType: 'Email' },
      SyncToken: '1',
    });
  });
});
