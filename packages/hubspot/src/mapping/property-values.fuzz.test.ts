import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { amount, decimal, isoDate } from './property-values.ts';

const RUNS = 200;
/** What a HubSpot property (every value is a string) might hold when a portal's data is odd. */
const VALUE = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-0',
    '1e3',
    '1,000.00',
    ' 12.50 ',
    '-5',
    '0.000000001',
    '١٢٣',
    '12.5.1',
    '',
  ),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.tuple(fc.integer(), fc.nat({ max: 10 ** 9 })).map(([i, f]) => `${i}.${String(f).padStart(12, '0')}`),
  fc.constantFrom('99999999999999999', '8640000000000001', '2026-02-30', '2026-11-27T10:00:00Z', '0'),
);

/** Either a well-formed result or an Error that names the value it refused: never garbage. */
function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return { ok: false, message: (error as Error).message };
  }
}

describe('HubSpot property values (fuzzed): exact decimals and real dates, or a clear refusal', () => {
  it('decimal and amount give plain decimals (no NaN, no exponent) or refuse naming the value', () => {
    fc.assert(
      fc.property(VALUE, fc.constantFrom('USD', 'JPY', 'BHD', 'XXX', 'usd', ''), (value, currency) => {
        const d = outcome(() => decimal(value));
        if (d.ok) {
          if (d.value !== null) {
            expect(d.value).toMatch(/^-?\d+(\.\d+)?$/);
            // Exact: no digit of the input is lost.
            expect(Number(d.value) === Number(value.trim()) || d.value.length >= 15).toBe(true);
          }
        } else {
          expect(d.message).toContain(JSON.stringify(value.trim()));
        }
        const a = outcome(() => amount(value, currency));
        if (a.ok) expect(a.value).toMatch(/^-?\d+(\.\d+)?$/);
        else expect(a.message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('isoDate gives a YYYY-MM-DD that is a real day, or refuses naming the value', () => {
    fc.assert(
      fc.property(VALUE, (value) => {
        const d = outcome(() => isoDate(value));
        if (d.ok) {
          if (d.value !== null) {
            expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            // A real calendar day, not one rolled over (2026-02-30 is not 2026-03-02).
            expect(new Date(`${d.value}T00:00:00.000Z`).toISOString().slice(0, 10)).toBe(d.value);
          }
        } else {
          expect(d.message).toContain(JSON.stringify(value.trim()));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
