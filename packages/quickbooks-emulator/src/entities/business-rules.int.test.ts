import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

const sales = (itemId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  Amount: amount,
  DetailType: 'SalesItemLineDetail',
  SalesItemLineDetail: { ItemRef: { value: itemId }, ...extra },
});

describe('business rules (US company)', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  const invoice = (body: Record<string, unknown> = {}, query = '') =>
    h.api('POST', `/invoice${query}`, {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 100)],
      ...body,
    });
  beforeAll(async () => {
    h = await startHarness();
    ids = await seedBasics(h);
  });
  afterAll(() => h.close());

  it('a new company has a chart of accounts, default preferences and company info', async () => {
    const accounts = await h.api('GET', `/query?query=${encodeURIComponent('select * from Account')}`);
    const types = accounts.body.QueryResponse.Account.map(
      (a: { AccountSubType: string }) => a.AccountSubType,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'ServiceFeeIncome',
        'SalesOfProductIncome',
        'AccountsReceivable',
        'UndepositedFunds',
        'Checking',
      ]),
    );
    const prefs = (await h.api('GET', '/preferences')).body.Preferences;
    expect(prefs.SalesFormsPrefs.CustomTxnNumbers).toBe(false);
    expect(prefs.AccountingInfoPrefs.BookCloseDate).toBeUndefined();
    expect(prefs.ProductAndServicesPrefs.RevenueRecognition).toBe(false);
    expect(prefs.CurrencyPrefs.HomeCurrency).toEqual({ value: 'USD' });
  });

  it('DisplayName is unique across customers, including inactive ones (6240)', async () => {
    const dup = await h.api('POST', '/customer', { DisplayName: 'amy bird' });
    expect(dup.body.Fault.Error[0]).toMatchObject({ code: '6240', Message: 'Duplicate Name Exists Error' });
    const c = (await h.api('POST', '/customer', { DisplayName: 'Gone Co' })).body.Customer;
    await h.api('POST', '/customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false });
    expect((await h.api('POST', '/customer', { DisplayName: 'Gone Co' })).body.Fault.Error[0].code).toBe(
      '6240',
    );
  });

  it('item names are unique and service items need an income account (not A/R)', async () => {
    expect(
      (await h.api('POST', '/item', { Name: 'Design', IncomeAccountRef: { value: '1' } })).body.Fault.Error[0]
        .code,
    ).toBe('6240');
    const noAccount = await h.api('POST', '/item', { Name: 'Widget', Type: 'Service' });
    expect(noAccount.body.Fault.Error[0]).toMatchObject({ code: '2020', element: 'IncomeAccountRef' });
    const ar = await h.api('POST', '/item', {
      Name: 'Widget',
      Type: 'Service',
      IncomeAccountRef: { value: '3' },
    });
    expect(ar.body.Fault.Error[0].code).toBe('6430');
  });

  it('Amount must equal Qty × UnitPrice (6070)', async () => {
    const res = await invoice({ Line: [sales(ids.itemId, 100, { Qty: 3, UnitPrice: 30 })] });
    expect(res.body.Fault.Error[0].code).toBe('6070');
    expect((await invoice({ Line: [sales(ids.itemId, 90, { Qty: 3, UnitPrice: 30 })] })).status).toBe(200);
  });

  it('a sales line may be negative and amount only (kept without Qty or UnitPrice); the total may not be negative; a discount line may not exceed the subtotal', async () => {
    const ok = await invoice({
      Line: [
        sales(ids.itemId, 90, { Qty: 3, UnitPrice: 30 }),
        sales(ids.itemId, -9, { TaxCodeRef: { value: 'NON' } }),
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.Invoice.TotalAmt).toBe(81);
    expect(ok.body.Invoice.Line[1]).toMatchObject({
      Amount: -9,
      SalesItemLineDetail: { ItemRef: { value: ids.itemId } },
    });
    expect(ok.body.Invoice.Line[1].SalesItemLineDetail).not.toHaveProperty('Qty');
    expect(ok.body.Invoice.Line[1].SalesItemLineDetail).not.toHaveProperty('UnitPrice');
    const negative = await invoice({ Line: [sales(ids.itemId, 10), sales(ids.itemId, -11)] });
    expect(negative.body.Fault.Error[0]).toMatchObject({ code: '6000' });
    const discount = {
      Amount: 101,
      DetailType: 'DiscountLineDetail',
      DiscountLineDetail: { PercentBased: false },
    };
    const over = await invoice({ Line: [sales(ids.itemId, 100), discount] });
    expect(over.body.Fault.Error[0].Detail).toContain("can't be greater than the subtotal");
  });

  it('DocNumber: duplicates 6140 unless allowduplicatedocnum, longer than 21 chars 2050', async () => {
    expect((await invoice({ DocNumber: 'INV-7' })).status).toBe(200);
    const dup = await invoice({ DocNumber: 'INV-7' });
    expect(dup.body.Fault.Error[0]).toMatchObject({
      code: '6140',
      Message: 'Duplicate Document Number Error',
    });
    expect((await invoice({ DocNumber: 'INV-7' }, '?include=allowduplicatedocnum')).status).toBe(200);
    const long = await invoice({ DocNumber: 'X'.repeat(22) });
    expect(long.body.Fault.Error[0]).toMatchObject({ code: '2050', element: 'DocNumber' });
    expect(long.body.Fault.Error[0].Detail).toContain('Max:21');
  });

  it('references to missing records get 2500, to inactive ones 610', async () => {
    expect((await invoice({ CustomerRef: { value: '999' } })).body.Fault.Error[0].code).toBe('2500');
    const item = (await h.api('POST', '/item', { Name: 'Old', IncomeAccountRef: { value: '1' } })).body.Item;
    await h.api('POST', '/item', { Id: item.Id, SyncToken: item.SyncToken, sparse: true, Active: false });
    expect((await invoice({ Line: [sales(item.Id, 5)] })).body.Fault.Error[0].code).toBe('610');
  });

  it('payments lower invoice balances, link both ways, allow partial payment and keep unapplied amounts', async () => {
    const inv = (await invoice({ Line: [sales(ids.itemId, 100)] })).body.Invoice;
    const pay = await h.api('POST', '/payment', {
      CustomerRef: { value: ids.customerId },
      TotalAmt: 70,
      Line: [{ Amount: 60, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    });
    expect(pay.status).toBe(200);
    expect(pay.body.Payment).toMatchObject({
      TotalAmt: 70,
      UnappliedAmt: 10,
      DepositToAccountRef: { value: '4' },
    });
    expect(pay.body.Payment.Line[0].LineEx.any[0].value).toEqual({ Name: 'txnId', Value: inv.Id });
    const after = (await h.api('GET', `/invoice/${inv.Id}`)).body.Invoice;
    expect(after).toMatchObject({
      Balance: 40,
      SyncToken: '1',
      LinkedTxn: [{ TxnId: pay.body.Payment.Id, TxnType: 'Payment' }],
    });
    const over = await h.api('POST', '/payment', {
      CustomerRef: { value: ids.customerId },
      TotalAmt: 50,
      Line: [{ Amount: 50, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    });
    expect(over.body.Fault.Error[0].code).toBe('6000');
    const voided = await h.api('POST', '/payment?operation=update&include=void', {
      Id: pay.body.Payment.Id,
      SyncToken: '0',
      sparse: true,
    });
    expect(voided.body.Payment).toMatchObject({
      TotalAmt: 0,
      UnappliedAmt: 0,
      PrivateNote: 'Voided',
      sparse: true,
    });
    expect((await h.api('GET', `/invoice/${inv.Id}`)).body.Invoice.Balance).toBe(100);
  });

  it('deleting a payment restores the invoice balance', async () => {
    const inv = (await invoice()).body.Invoice;
    const pay = (
      await h.api('POST', '/payment', {
        CustomerRef: { value: ids.customerId },
        TotalAmt: 100,
        Line: [{ Amount: 100, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
      })
    ).body.Payment;
    expect((await h.api('GET', `/invoice/${inv.Id}`)).body.Invoice.Balance).toBe(0);
    await h.api('POST', '/payment?operation=delete', { Id: pay.Id, SyncToken: pay.SyncToken });
    const back = (await h.api('GET', `/invoice/${inv.Id}`)).body.Invoice;
    expect(back.Balance).toBe(100);
    expect(back.LinkedTxn).toEqual([]);
  });

  it('a payment cannot be linked to another customer’s invoice (620)', async () => {
    const inv = (await invoice()).body.Invoice;
    const other = (await h.api('POST', '/customer', { DisplayName: 'Other Co' })).body.Customer;
    const res = await h.api('POST', '/payment', {
      CustomerRef: { value: other.Id },
      TotalAmt: 10,
      Line: [{ Amount: 10, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    });
    expect(res.body.Fault.Error[0].code).toBe('620');
  });

  it('auto-numbers only when custom transaction numbers are off', async () => {
    const prefs = (await h.api('GET', '/preferences')).body.Preferences;
    await h.api('POST', '/preferences', {
      SyncToken: prefs.SyncToken,
      sparse: true,
      SalesFormsPrefs: { CustomTxnNumbers: true },
    });
    const inv = (await invoice()).body.Invoice;
    expect(inv.DocNumber).toBeUndefined();
    const p2 = (await h.api('GET', '/preferences')).body.Preferences;
    await h.api('POST', '/preferences', {
      SyncToken: p2.SyncToken,
      sparse: true,
      SalesFormsPrefs: { CustomTxnNumbers: false },
    });
    expect((await invoice()).body.Invoice.DocNumber).toMatch(/^\d+$/);
  });
});

describe('business rules driven by preferences and country', () => {
  it('transactions dated on or before the book close date get 6210', async () => {
    const h = await startHarness(
      {},
      { preferences: { AccountingInfoPrefs: { BookCloseDate: '2025-12-31' } } },
    );
    const ids = await seedBasics(h);
    const closed = await h.api('POST', '/invoice', {
      TxnDate: '2025-12-31',
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 5)],
    });
    expect(closed.body.Fault.Error[0]).toMatchObject({ code: '6210' });
    const open = await h.api('POST', '/invoice', {
      TxnDate: '2026-01-01',
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 5)],
    });
    expect(open.status).toBe(200);
    await h.close();
  });

  it('revenue recognition on: a sales line without ServiceDate gets 6000 (R-ERR-3)', async () => {
    const h = await startHarness(
      {},
      { preferences: { ProductAndServicesPrefs: { RevenueRecognition: true } } },
    );
    const ids = await seedBasics(h);
    const res = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 5)],
    });
    expect(res.status).toBe(400);
    expect(res.body.Fault.Error[0]).toEqual({
      Message: 'A business validation error has occurred while processing your request',
      Detail: 'Business Validation Error: Enter a service date for the revenue recognition line item',
      code: '6000',
      element: '',
    });
    const ok = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 5, { ServiceDate: '2026-03-01' })],
    });
    expect(ok.status).toBe(200);
    await h.close();
  });

  it('a non-US company has its tax codes, its currency, refuses untaxed lines (R-ERR-5) and computes tax', async () => {
    const h = await startHarness({}, { companyName: 'Maple Ltd', country: 'CA' });
    const ids = await seedBasics(h);
    const info = (await h.api('GET', `/companyinfo/${h.realmId}`)).body.CompanyInfo;
    expect(info).toMatchObject({ Country: 'CA', CompanyName: 'Maple Ltd' });
    const codes = (await h.api('GET', `/query?query=${encodeURIComponent('select * from TaxCode')}`)).body
      .QueryResponse.TaxCode;
    expect(codes.map((c: { Name: string }) => c.Name)).toContain('HST ON');
    const untaxed = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 100)],
    });
    expect(untaxed.body.Fault.Error[0].code).toBe('6000');
    expect(untaxed.body.Fault.Error[0].Detail).toContain('GST/HST');
    const taxed = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 100, { TaxCodeRef: { value: '5' } })],
    });
    expect(taxed.body.Invoice).toMatchObject({
      TotalAmt: 113,
      Balance: 113,
      TxnTaxDetail: { TotalTax: 13 },
      CurrencyRef: { value: 'CAD' },
      GlobalTaxCalculation: 'TaxExcluded',
    });
    await h.close();
  });
});
