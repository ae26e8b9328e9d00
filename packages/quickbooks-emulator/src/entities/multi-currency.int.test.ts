import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, seedBasics, startHarness } from '../testing/harness.ts';

const sales = (itemId: string, amount: number) => ({
  Amount: amount,
  DetailType: 'SalesItemLineDetail',
  SalesItemLineDetail: { ItemRef: { value: itemId } },
});

async function customer(h: Harness, name: string, currency?: string) {
  const body: Record<string, unknown> = { DisplayName: name };
  if (currency !== undefined) body.CurrencyRef = { value: currency };
  return h.api('POST', '/customer', body);
}

describe('multicurrency off (the default)', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  beforeAll(async () => {
    h = await startHarness();
    ids = await seedBasics(h);
  });
  afterAll(() => h.close());

  it('invoices default to the home currency, without ExchangeRate or HomeTotalAmt', async () => {
    const res = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 100)],
    });
    expect(res.status).toBe(200);
    expect(res.body.Invoice.CurrencyRef).toEqual({ value: 'USD', name: 'United States Dollar' });
    expect(res.body.Invoice.ExchangeRate).toBeUndefined();
    expect(res.body.Invoice.HomeTotalAmt).toBeUndefined();
  });

  it('a foreign CurrencyRef on an invoice or a customer is refused (6000) naming both currencies', async () => {
    const inv = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      CurrencyRef: { value: 'EUR' },
      Line: [sales(ids.itemId, 100)],
    });
    expect(inv.status).toBe(400);
    expect(inv.body.Fault.Error[0].code).toBe('6000');
    expect(inv.body.Fault.Error[0].Detail).toMatch(/EUR.*USD/);
    const cust = await customer(h, 'Euro Off GmbH', 'EUR');
    expect(cust.body.Fault.Error[0].code).toBe('6000');
  });
});

describe('multicurrency on', () => {
  let h: Harness;
  let ids: { customerId: string; itemId: string };
  beforeAll(async () => {
    h = await startHarness();
    ids = await seedBasics(h);
    const prefs = await h.api('POST', '/preferences', {
      sparse: true,
      CurrencyPrefs: { MultiCurrencyEnabled: true },
    });
    expect(prefs.status).toBe(200);
  });
  afterAll(() => h.close());

  it('a EUR customer’s invoice is in EUR with the exchange rate and home amounts', async () => {
    const eur = (await customer(h, 'Euro GmbH', 'EUR')).body.Customer;
    expect(eur.CurrencyRef).toEqual({ value: 'EUR', name: 'Euro' });
    const res = await h.api('POST', '/invoice', {
      CustomerRef: { value: eur.Id },
      CurrencyRef: { value: 'EUR' },
      ExchangeRate: 1.1,
      Line: [sales(ids.itemId, 123.45)],
    });
    expect(res.status).toBe(200);
    expect(res.body.Invoice).toMatchObject({
      CurrencyRef: { value: 'EUR', name: 'Euro' },
      ExchangeRate: 1.1,
      TotalAmt: 123.45,
      HomeTotalAmt: 135.8,
      Balance: 123.45,
      HomeBalance: 135.8,
    });
    // Without a CurrencyRef the invoice takes the customer's currency and the day's rate.
    const implicit = await h.api('POST', '/invoice', {
      CustomerRef: { value: eur.Id },
      Line: [sales(ids.itemId, 100)],
    });
    expect(implicit.body.Invoice).toMatchObject({ CurrencyRef: { value: 'EUR' }, HomeTotalAmt: 108 });
    expect(implicit.body.Invoice.ExchangeRate).toBe(1.08);
  });

  it('an invoice whose CurrencyRef differs from its customer’s is refused (6000) naming both', async () => {
    const res = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      CurrencyRef: { value: 'EUR' },
      Line: [sales(ids.itemId, 100)],
    });
    expect(res.status).toBe(400);
    expect(res.body.Fault.Error[0]).toMatchObject({ code: '6000' });
    expect(res.body.Fault.Error[0].Detail).toContain('(EUR)');
    expect(res.body.Fault.Error[0].Detail).toContain('(USD)');
    const count = await h.api(
      'GET',
      `/query?query=${encodeURIComponent("select count(*) from Invoice where CustomerRef = '" + ids.customerId + "'")}`,
    );
    expect(count.body.QueryResponse.totalCount).toBe(0);
  });

  it('a home-currency invoice has ExchangeRate 1 and HomeTotalAmt equal to TotalAmt', async () => {
    const res = await h.api('POST', '/invoice', {
      CustomerRef: { value: ids.customerId },
      Line: [sales(ids.itemId, 80)],
    });
    expect(res.body.Invoice).toMatchObject({
      CurrencyRef: { value: 'USD' },
      ExchangeRate: 1,
      HomeTotalAmt: 80,
    });
  });

  it('JPY amounts keep 0 decimals; a payment is in the customer’s currency and updates HomeBalance', async () => {
    const jpy = (await customer(h, 'Yen KK', 'JPY')).body.Customer;
    const inv = (
      await h.api('POST', '/invoice', {
        CustomerRef: { value: jpy.Id },
        ExchangeRate: 0.0067,
        Line: [sales(ids.itemId, 5000)],
      })
    ).body.Invoice;
    expect(inv).toMatchObject({ CurrencyRef: { value: 'JPY' }, TotalAmt: 5000, HomeTotalAmt: 33.5 });
    const pay = await h.api('POST', '/payment', {
      CustomerRef: { value: jpy.Id },
      TotalAmt: 2000,
      Line: [{ Amount: 2000, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    });
    expect(pay.body.Payment).toMatchObject({ CurrencyRef: { value: 'JPY' }, TotalAmt: 2000 });
    const after = (await h.api('GET', `/invoice/${inv.Id}`)).body.Invoice;
    expect(after).toMatchObject({ Balance: 3000, HomeBalance: 20.1 });
  });

  it('a customer’s currency is fixed once it has transactions', async () => {
    const c = (await customer(h, 'Switcher Ltd', 'GBP')).body.Customer;
    const before = await h.api('POST', '/customer', {
      Id: c.Id,
      SyncToken: c.SyncToken,
      sparse: true,
      CurrencyRef: { value: 'EUR' },
    });
    expect(before.body.Customer.CurrencyRef.value).toBe('EUR');
    await h.api('POST', '/invoice', { CustomerRef: { value: c.Id }, Line: [sales(ids.itemId, 10)] });
    const locked = await h.api('POST', '/customer', {
      Id: c.Id,
      SyncToken: before.body.Customer.SyncToken,
      sparse: true,
      CurrencyRef: { value: 'GBP' },
    });
    expect(locked.body.Fault.Error[0].code).toBe('6000');
    // A full update that leaves CurrencyRef out keeps the currency.
    const full = await h.api('POST', '/customer', {
      Id: c.Id,
      SyncToken: before.body.Customer.SyncToken,
      DisplayName: 'Switcher Ltd',
    });
    expect(full.body.Customer.CurrencyRef.value).toBe('EUR');
  });
});
