import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { currencyDecimals } from '../money/currency-decimals.ts';
import { Dec, isExactInCurrency } from '../money/money.ts';
import type { CanonicalInvoiceLine } from '../records/canonical-invoice.ts';
import { customer, invoice, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld } from '../testing/sync-world.ts';
import { checkInvoiceAmounts, invoiceTotal, lineAmount } from './line-amounts.ts';

const RUNS = { numRuns: 1000 };
const currency = fc.constantFrom('JPY', 'KRW', 'USD', 'EUR', 'GBP', 'KWD', 'BHD');
const decimal = (maxUnits: number, places: number) =>
  fc.integer({ min: 0, max: maxUnits }).map((n) => new Dec(n).dividedBy(10 ** places).toFixed());
const discount = fc.option(
  fc.oneof(
    decimal(500, 2).map((value) => ({ kind: 'percent' as const, value })),
    decimal(10_000, 2).map((value) => ({ kind: 'amount' as const, value })),
  ),
  { nil: null },
);
const rawLine = fc.record({
  quantity: decimal(100_000, 3),
  unitPrice: decimal(10_000_000, 4),
  discount,
  description: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
});

type RawLine = typeof rawLine extends fc.Arbitrary<infer T> ? T : never;

function toLine(l: RawLine, cur: string): CanonicalInvoiceLine {
  const base = { ...l, productId: null, serviceDate: null, taxCodeId: null };
  return { ...base, amount: lineAmount(base, cur) };
}

describe('money properties (R-OBJ-3, R-OBJ-6; fast-check, 1,000 cases each)', () => {
  it('line and invoice totals are exact to the minor unit in 0, 2 and 3 decimal currencies', () => {
    fc.assert(
      fc.property(currency, fc.array(rawLine, { minLength: 1, maxLength: 8 }), (cur, raws) => {
        const lines = raws.map((l) => toLine(l, cur));
        for (const l of lines) {
          expect(isExactInCurrency(l.amount, cur)).toBe(true);
          expect(l.amount.split('.')[1]?.length ?? 0).toBe(currencyDecimals(cur));
        }
        const total = invoiceTotal(lines, cur);
        const sum = lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
        expect(new Dec(total).equals(sum)).toBe(true);
        expect(checkInvoiceAmounts(invoice({ currency: cur, lines, total, balance: total })).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it("after a sync both sides hold the same amounts, to the cent, in the invoice currency (or, past QBO's two decimals, nothing is written)", () => {
    fc.assert(
      fc.property(currency, fc.array(rawLine, { minLength: 1, maxLength: 4 }), (cur, raws) => {
        const w = new SyncWorld(settings());
        w.company = { ...w.company!, homeCurrency: cur };
        w.put(sideRecord('hubspot', 'customer', 'c', customer()));
        const lines = raws.map((l) => toLine(l, cur));
        const hubspotInvoice = invoice({ customerId: 'c', currency: cur, lines });
        w.put(sideRecord('hubspot', 'invoice', 'i', hubspotInvoice));
        const plans = w.sync();
        const amounts = [...lines.map((l) => l.amount), hubspotInvoice.total];
        if (amounts.some((a) => (a.split('.')[1]?.replace(/0+$/, '').length ?? 0) > 2)) {
          const fail = plans.flatMap((p) => p.actions).find((a) => a.kind === 'fail');
          expect(fail?.kind === 'fail' && fail.error.code).toBe('currency_precision_unsupported');
          expect(w.linkOf('invoice', 'hubspot', 'i')?.quickbooksId ?? null).toBeNull();
          return;
        }
        const qid = w.linkOf('invoice', 'hubspot', 'i')!.quickbooksId!;
        const q = w.get('invoice', 'quickbooks', qid)!;
        const h = w.get('invoice', 'hubspot', 'i')!;
        expect(q.total).toBe(h.total);
        expect(q.lines.map((l) => l.amount)).toEqual(h.lines.map((l) => l.amount));
      }),
      RUNS,
    );
  });
});
