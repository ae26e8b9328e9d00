import { describe, expect, it } from '@jest/globals';
import { type CanonicalInvoice, type CanonicalInvoiceLine, dec, lineAmount } from '@ledgersync/sync-engine';
import fc from 'fast-check';
import { invoiceSchema } from '../entities/invoice.ts';
import { type JsonDecimal, parseExactJson, stringifyExactJson } from '../http/exact-json.ts';
import { invoiceFromQbo } from './invoice-from-qbo.ts';
import { invoiceToQbo } from './invoice-to-qbo.ts';

const ctx = { homeCurrency: 'USD', customLineItemId: '42' };
const num = (v: unknown) => dec((v as JsonDecimal).text);

function invoiceOf(lines: CanonicalInvoiceLine[], currency: string): CanonicalInvoice {
  const total = lines.reduce((s, l) => s.plus(l.amount), dec(0)).toFixed();
  return {
    number: null,
    issueDate: '2026-03-02',
    dueDate: null,
    currency,
    customerId: '3',
    status: 'open',
    source: 'hubspot',
    comments: null,
    lines,
    total,
    balance: total,
    customFields: {},
  };
}

/** What QBO answers for the lines it was sent: the same lines, numbered, and its subtotal. */
function readBack(body: Record<string, unknown>, currency: string) {
  const sent = parseExactJson(stringifyExactJson(body.Line)) as Record<string, unknown>[];
  const total = sent.reduce((s, l) => s.plus(String(l.Amount)), dec(0)).toFixed();
  return invoiceFromQbo(
    invoiceSchema.parse({
      Id: '7',
      SyncToken: '0',
      CustomerRef: { value: '3' },
      CurrencyRef: { value: currency },
      Line: [
        ...sent.map((l, i) => ({ ...l, Id: String(i + 1), LineNum: i + 1 })),
        { DetailType: 'SubTotalLineDetail', Amount: total, SubTotalLineDetail: {} },
      ],
      TotalAmt: total,
      Balance: total,
    }),
    'USD',
  );
}

const line = (over: Partial<CanonicalInvoiceLine>): CanonicalInvoiceLine => {
  const l = {
    productId: '9',
    description: 'Widget',
    quantity: '3',
    unitPrice: '19.99',
    discount: null,
    serviceDate: null,
    amount: '0',
    taxCodeId: null,
    ...over,
  };
  return { ...l, amount: lineAmount(l, 'USD') };
};

describe('a discounted line in QBO (R-OBJ-3, R-FAQ-2)', () => {
  it('reads back as the line it was written from: quantity, unit price, discount and amount', () => {
    const lines = [
      line({ discount: { kind: 'percent', value: '10' } }),
      line({
        productId: null,
        description: 'Setup',
        quantity: '2',
        unitPrice: '40',
        discount: { kind: 'amount', value: '5' },
      }),
      line({ description: 'Plain' }),
    ];
    const back = readBack(invoiceToQbo(invoiceOf(lines, 'USD'), ctx), 'USD');
    expect(back.lines).toEqual([lines[0], { ...lines[1], productId: '42' }, lines[2]]);
    expect(back.total).toBe('188.94');
  });

  it('a discount changed in QBO reads as the amount now taken off, so the change shows', () => {
    const written = invoiceToQbo(
      invoiceOf([line({ discount: { kind: 'percent', value: '10' } })], 'USD'),
      ctx,
    );
    const sent = written.Line as Record<string, unknown>[];
    const edited = { ...written, Line: [sent[0], { ...sent[1], Amount: '-10.00' }] };
    expect(readBack(edited, 'USD').lines[0]).toMatchObject({
      quantity: '3',
      unitPrice: '19.99',
      discount: { kind: 'amount', value: '10' },
      amount: '49.97',
    });
  });

  it('a negative line of another item, or described otherwise, stays a line of its own', () => {
    const written = invoiceToQbo(invoiceOf([line({})], 'USD'), ctx);
    const [sale] = written.Line as Record<string, unknown>[];
    const credit = {
      DetailType: 'SalesItemLineDetail',
      Amount: '-5',
      Description: 'Goodwill',
      SalesItemLineDetail: { ItemRef: { value: '9' } },
    };
    const other = { ...credit, Description: 'Discount 5', SalesItemLineDetail: { ItemRef: { value: '8' } } };
    expect(readBack({ Line: [sale, credit, other] }, 'USD').lines).toHaveLength(3);
  });

  it('money is exact: the QBO lines add up to the line amount, QBO’s Amount = Qty × UnitPrice holds, and the read gives the line back (fast-check, 200 cases)', () => {
    const currency = fc.constantFrom('USD', 'EUR', 'GBP');
    const decimal = (maxUnits: number, places: number) =>
      fc.integer({ min: 0, max: maxUnits }).map((n) =>
        dec(n)
          .dividedBy(10 ** places)
          .toFixed(),
      );
    const raw = fc.record({
      quantity: decimal(100_000, 3),
      unitPrice: decimal(1_000_000, 2),
      percent: fc.option(decimal(10_000, 2), { nil: null }),
      share: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(currency, fc.array(raw, { minLength: 1, maxLength: 5 }), (cur, raws) => {
        const lines = raws.map((r) => {
          const gross = dec(r.quantity).times(r.unitPrice).toDecimalPlaces(2);
          const discount =
            r.percent !== null
              ? { kind: 'percent' as const, value: r.percent }
              : {
                  kind: 'amount' as const,
                  value: gross.times(r.share).dividedBy(100).toDecimalPlaces(2).toFixed(),
                };
          const l = { ...line({}), quantity: r.quantity, unitPrice: r.unitPrice, discount };
          return { ...l, amount: lineAmount(l, cur) };
        });
        const body = invoiceToQbo(invoiceOf(lines, cur), ctx);
        const sent = body.Line as {
          Amount: unknown;
          SalesItemLineDetail: { Qty?: unknown; UnitPrice?: unknown };
        }[];
        for (const s of sent) {
          const d = s.SalesItemLineDetail;
          if (d.Qty === undefined) continue;
          expect(num(d.Qty).times(num(d.UnitPrice)).toDecimalPlaces(2).equals(num(s.Amount))).toBe(true);
        }
        for (const [i, l] of lines.entries()) {
          const pair = sent.slice(2 * i, 2 * i + 2).reduce((s, x) => s.plus(num(x.Amount)), dec(0));
          expect(pair.equals(l.amount)).toBe(true);
        }
        const back = readBack(body, cur).lines;
        expect(back.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual(
          lines.map((l) => [dec(l.quantity).toFixed(), dec(l.unitPrice).toFixed(), l.amount]),
        );
        expect(back.map((l) => l.discount && [l.discount.kind, dec(l.discount.value).toFixed()])).toEqual(
          lines.map((l) => [l.discount.kind, dec(l.discount.value).toFixed()]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
