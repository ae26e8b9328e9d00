import { describe, expect, it } from '@jest/globals';
import type { CanonicalInvoice } from '@ledgersync/sync-engine';
import { invoiceSchema } from '../entities/invoice.ts';
import { JsonDecimal, parseExactJson, stringifyExactJson } from '../http/exact-json.ts';
import { invoiceFromQbo } from './invoice-from-qbo.ts';
import { invoiceToQbo } from './invoice-to-qbo.ts';

const qboInvoice = (over: string) =>
  invoiceSchema.parse(
    parseExactJson(`{"Id":"7","SyncToken":"2","TxnDate":"2026-03-02","CustomerRef":{"value":"3"},
      "Line":[{"Id":"1","DetailType":"SalesItemLineDetail","Amount":0.30,"Description":"Dimes",
               "SalesItemLineDetail":{"ItemRef":{"value":"9"},"Qty":3,"UnitPrice":0.1}},
              {"DetailType":"SubTotalLineDetail","Amount":0.30,"SubTotalLineDetail":{}}],
      ${over}}`),
  );

describe('QBO invoice → canonical', () => {
  it('keeps amounts exact and skips the subtotal line', () => {
    const inv = invoiceFromQbo(qboInvoice('"TotalAmt":0.30,"Balance":0.30'), 'USD');
    expect(inv.lines).toEqual([
      {
        productId: '9',
        description: 'Dimes',
        quantity: '3',
        unitPrice: '0.1',
        discount: null,
        serviceDate: null,
        amount: '0.30',
        taxCodeId: null,
      },
    ]);
    expect([inv.total, inv.balance, inv.currency, inv.status]).toEqual(['0.30', '0.30', 'USD', 'open']);
  });

  it.each([
    ['"TotalAmt":0.30,"Balance":0', 'paid'],
    ['"TotalAmt":0.30,"Balance":0.10', 'partially_paid'],
    ['"TotalAmt":0,"Balance":0,"PrivateNote":"Voided"', 'voided'],
  ])('derives the status from %s', (fields, status) => {
    expect(invoiceFromQbo(qboInvoice(fields), 'USD').status).toBe(status);
  });

  it('uses the currency of the invoice, with its own decimals', () => {
    const inv = invoiceFromQbo(
      qboInvoice('"TotalAmt":1200,"Balance":1200,"CurrencyRef":{"value":"JPY"}'),
      'USD',
    );
    expect([inv.currency, inv.total]).toEqual(['JPY', '1200']);
  });
});

describe('canonical → QBO invoice', () => {
  const base: CanonicalInvoice = {
    number: 'INV-1',
    issueDate: '2026-03-02',
    dueDate: null,
    currency: 'EUR',
    customerId: '3',
    status: 'open',
    source: 'hubspot',
    comments: null,
    lines: [
      {
        productId: '9',
        description: null,
        quantity: '3',
        unitPrice: '33.333',
        discount: null,
        serviceDate: '2026-03-01',
        amount: '100.00',
        taxCodeId: 'TAX',
      },
      {
        productId: null,
        description: 'Fee',
        quantity: '2',
        unitPrice: '10',
        discount: { kind: 'amount', value: '2.50' },
        serviceDate: null,
        amount: '17.50',
        taxCodeId: null,
      },
    ],
    total: '117.50',
    balance: '117.50',
    customFields: { '1': { type: 'string', value: 'PO-77' } },
  };

  it('sends exact numbers and the foreign currency; a discounted line keeps its quantity and unit price, its discount on the line below', () => {
    const body = invoiceToQbo(base, { homeCurrency: 'USD', customLineItemId: '42' });
    const json = stringifyExactJson(body);
    expect(json).toContain('"Qty":3,"UnitPrice":33.333');
    expect(json).toContain('"Amount":100,');
    expect(body.CurrencyRef).toEqual({ value: 'EUR' });
    const lines = body.Line as Array<Record<string, unknown>>;
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({
      Description: 'Fee',
      Amount: new JsonDecimal('20'),
      SalesItemLineDetail: {
        ItemRef: { value: '42' },
        Qty: new JsonDecimal('2'),
        UnitPrice: new JsonDecimal('10'),
      },
    });
    expect(lines[2]).toEqual({
      DetailType: 'SalesItemLineDetail',
      Description: 'Discount 2.5',
      Amount: new JsonDecimal('-2.5'),
      SalesItemLineDetail: { ItemRef: { value: '42' } },
    });
    expect(body.CustomField).toEqual([{ DefinitionId: '1', Type: 'StringType', StringValue: 'PO-77' }]);
  });

  it('refuses a product-less line when no Custom Line Item is set up', () => {
    expect(() => invoiceToQbo(base, { homeCurrency: 'USD', customLineItemId: null })).toThrow(
      /Custom Line Item/,
    );
  });

  it('writes only the fields given (sparse update)', () => {
    expect(invoiceToQbo({ dueDate: '2026-04-01' }, { homeCurrency: 'USD', customLineItemId: null })).toEqual({
      DueDate: '2026-04-01',
    });
  });
});
