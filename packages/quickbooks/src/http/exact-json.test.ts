import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { JsonDecimal, parseExactJson, stringifyExactJson } from './exact-json.ts';

describe('exact JSON (money never passes through a float)', () => {
  it('keeps number literals as their exact text, strings untouched', () => {
    const parsed = parseExactJson(
      '{"TotalAmt": 0.30000000000000004, "Big": 12345678901234567.89, "S": "a\\"1.5", "L":[-3,1e2]}',
    );
    expect(parsed).toEqual({
      TotalAmt: '0.30000000000000004',
      Big: '12345678901234567.89',
      S: 'a"1.5',
      L: ['-3', '1e2'],
    });
  });

  it('writes JsonDecimal as a raw number with the same digits', () => {
    expect(stringifyExactJson({ Amount: new JsonDecimal('10.10'), Qty: new JsonDecimal('-0.333') })).toBe(
      '{"Amount":10.10,"Qty":-0.333}',
    );
  });

  it('never turns a user string into a number, whatever it contains', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^-?\d{1,12}(\.\d{1,4})?$/), (text, digits) => {
        const json = stringifyExactJson({ name: text, amount: new JsonDecimal(digits) });
        expect(parseExactJson(json)).toEqual({ name: text, amount: digits });
      }),
    );
  });

  it('refuses a JsonDecimal that is not a plain decimal', () => {
    expect(() => new JsonDecimal('1e5')).toThrow();
    expect(() => new JsonDecimal('12,5')).toThrow();
  });
});
