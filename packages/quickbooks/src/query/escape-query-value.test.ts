import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { quoteLikeFragment, quoteQueryString } from './escape-query-value.ts';
import { QboQuery } from './query-builder.ts';

/**
 * Reads one quoted literal the way Intuit documents the language: starts and ends with ',
 * a backslash makes the next character literal. Returns the value and where the literal ended.
 */
function readLiteral(text: string, start: number): { value: string; end: number } {
  if (text[start] !== "'") throw new Error('no literal here');
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (ch === "'") {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i += 1;
    }
  }
  throw new Error('unterminated literal');
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom("'", '\\', '%', '"', ' ', 'a', ')', '(', ',', '\n') }),
  fc.constantFrom("o'brien@x.com", "\\'", "' OR Id > '0", '100%', '\\', "'", "x\\' AND Active = false --"),
);

describe('query escaping (fuzzed)', () => {
  it('a quoted value reads back exactly and ends where the literal ends', () => {
    fc.assert(
      fc.property(nasty, (value) => {
        const literal = quoteQueryString(value);
        const read = readLiteral(literal, 0);
        expect(read.value).toBe(value);
        expect(read.end).toBe(literal.length);
      }),
      { numRuns: 500 },
    );
  });

  it('a WHERE clause keeps exactly one condition per value, whatever the values hold', () => {
    fc.assert(
      fc.property(nasty, nasty, (email, name) => {
        const q = QboQuery.select('Customer')
          .where('PrimaryEmailAddr', '=', email)
          .where('DisplayName', '=', name)
          .toString({ start: 1, size: 10 });
        const prefix = 'SELECT * FROM Customer WHERE PrimaryEmailAddr = ';
        expect(q.startsWith(prefix)).toBe(true);
        const first = readLiteral(q, prefix.length);
        expect(first.value).toBe(email);
        const middle = ' AND DisplayName = ';
        expect(q.slice(first.end, first.end + middle.length)).toBe(middle);
        const second = readLiteral(q, first.end + middle.length);
        expect(second.value).toBe(name);
        expect(q.slice(second.end)).toBe(' STARTPOSITION 1 MAXRESULTS 10');
      }),
      { numRuns: 300 },
    );
  });

  it('LIKE fragments escape % so the text cannot widen the match', () => {
    expect(quoteLikeFragment('100%', '', '%')).toBe("'100\\%%'");
    fc.assert(
      fc.property(nasty, (text) => {
        const literal = quoteLikeFragment(text, '%', '%');
        const inner = literal.slice(2, -2);
        // every % of the user's text is preceded by a backslash
        expect(/(^|[^\\])(\\\\)*%/.test(inner)).toBe(false);
        expect(readLiteral(literal, 0).value).toBe(`%${text}%`);
      }),
    );
  });

  it('refuses property names that are not identifiers (they are code, not data)', () => {
    expect(() => QboQuery.select('Invoice').where("Id' OR 1", '=', 'x')).toThrow();
    expect(() => QboQuery.select('Invoice').orderBy('MetaData.LastUpdatedTime; DROP')).toThrow();
  });

  it('builds IN lists, booleans and exact decimals', () => {
    expect(
      QboQuery.select('Invoice')
        .whereIn('Id', ['1', "2'"])
        .where('Balance', '>', { decimal: '0.00' })
        .toString(),
    ).toBe("SELECT * FROM Invoice WHERE Id IN ('1', '2\\'') AND Balance > '0.00'");
    expect(QboQuery.select('Customer').where('Active', '=', false).toString()).toBe(
      'SELECT * FROM Customer WHERE Active = false',
    );
  });
});
