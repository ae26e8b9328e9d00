import { describe, expect, it } from '@jest/globals';
import { type HistoricalInvoice, historicalInvoicesCsv } from './historical-invoices-csv.ts';

const invoice = (over: Partial<HistoricalInvoice> = {}): HistoricalInvoice => ({
  id: '11',
  number: 'INV-11',
  invoiceDate: '2026-03-01',
  dueDate: '2026-03-31',
  currency: 'USD',
  customerName: 'Ada Lovelace',
  customerEmail: 'ada@example.com',
  memo: null,
  lines: [
    { productId: '7', name: 'Widget', description: null, quantity: '1', unitPrice: '40.00', amount: '40.00' },
    {
      productId: null,
      name: 'Setup',
      description: 'On site',
      quantity: '1.5',
      unitPrice: '25.00',
      amount: '37.50',
    },
  ],
  ...over,
});
const rowsOf = (csv: string) => csv.trimEnd().split('\r\n');

describe('historicalInvoicesCsv (R-FLT-4)', () => {
  it('writes the QBO invoice import columns, one row per line, with exact amounts', () => {
    const csv = historicalInvoicesCsv([invoice()]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = rowsOf(csv);
    expect(header).toBe(
      'InvoiceNo,Customer,InvoiceDate,DueDate,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,ItemAmount,Currency',
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(new Set(['INV-11']));
    expect(rows.every((r) => r.startsWith('INV-11,Ada Lovelace,'))).toBe(true);
    // A line without a product is booked as the sync books it (R-OBJ-1).
    expect(rows.map((r) => r.split(',').slice(5, 6)[0]).sort()).toEqual(['Custom Line Item', 'Widget']);
    expect(rows.map((r) => r.split(',')[9]).sort()).toEqual(['37.50', '40.00']);
    expect(rows[1]).toBe(
      'INV-11,Ada Lovelace,2026-03-01,2026-03-31,,Custom Line Item,On site,1.5,25.00,37.50,USD',
    );
  });

  it('falls back to the invoice id, the customer email and the line name, and leaves missing values empty', () => {
    const [, row] = rowsOf(
      historicalInvoicesCsv([
        invoice({ number: null, customerName: null, dueDate: null, lines: [invoice().lines[0]!] }),
      ]),
    );
    expect(row).toBe('11,ada@example.com,2026-03-01,,,Widget,Widget,1,40.00,40.00,USD');
  });

  it('quotes as RFC 4180 says and never lets a spreadsheet run a cell as a formula', () => {
    const text = (name: string) =>
      rowsOf(
        historicalInvoicesCsv([
          invoice({ memo: name, lines: [{ ...invoice().lines[0]!, description: name }] }),
        ]),
      )[1];
    expect(text('Acme, Inc.')).toContain(',"Acme, Inc.",Widget,"Acme, Inc.",');
    expect(text('Blue "large"')).toContain(',"Blue ""large""",');
    expect(text('two\nlines')).toContain(',"two\nlines",');
    for (const formula of ['=HYPERLINK("x")', '+1+1', '-2+3+cmd', '@SUM(A1)', '\t=1', '\r=1', '-x']) {
      const row = text(formula) ?? '';
      expect({ formula, neutralised: row.includes(`'${formula.replaceAll('"', '""')}`) }).toEqual({
        formula,
        neutralised: true,
      });
    }
    const [, negative] = rowsOf(
      historicalInvoicesCsv([
        invoice({ lines: [{ ...invoice().lines[0]!, unitPrice: '-5.00', amount: '-5.00', quantity: '-1' }] }),
      ]),
    );
    expect(negative).toContain(',-1,-5.00,-5.00,USD');
  });

  it('writes only the header when there is nothing to export', () => {
    expect(historicalInvoicesCsv([])).toBe(
      'InvoiceNo,Customer,InvoiceDate,DueDate,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,ItemAmount,Currency\r\n',
    );
  });
});
