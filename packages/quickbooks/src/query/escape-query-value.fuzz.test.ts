import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { quoteLikeFragment, quoteQueryString } from './escape-query-value.ts';
import { QboQuery } from './query-builder.ts';

const RUNS = 200;
const HOSTILE = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom("O'Brien", "\\'", "' OR Id > '0", '\\', '%', '100%_off', "a\\' OR '1'='1", '🧾 ünï'),
  fc.array(fc.constantFrom("'", '\\', '%', '_', 'a', ' ', 'é'), { maxLength: 12 }).map((a) => a.join('')),
);

/**
 * Reads one QBO string literal the way QBO's parser does (quote, backslash escapes, quote) and
 * returns its value and whatever follows it. Anything after the literal would be injected query.
 */
function readLiteral(query: string): { value: string; rest: string } {
  expect(query[0]).toBe("'");
  let value = '';
  for (let i = 1; i < query.length; i++) {
    const ch = query[i] as string;
    if (ch === '\\') {
      value += query[i + 1] ?? '';
      i++;
    } else if (ch === "'") {
      return { value, rest: query.slice(i + 1) };
    } else {
      value += ch;
    }
  }
  throw new Error('unterminated literal');
}

describe('QBO query values (fuzzed): hostile text can neither end a literal nor widen a match', () => {
  it('a quoted string reads back as exactly the text, with nothing after it', () => {
    fc.assert(
      fc.property(HOSTILE, (text) => {
        expect(readLiteral(quoteQueryString(text))).toEqual({ value: text, rest: '' });
      }),
      { numRuns: RUNS },
    );
  });

  it('a LIKE fragment keeps the caller’s % literal: only the wildcards we add are unescaped', () => {
    fc.assert(
      fc.property(HOSTILE, fc.constantFrom('' as const, '%' as const), (text, prefix) => {
        const literal = quoteLikeFragment(text, prefix, '%');
        const { rest } = readLiteral(literal);
        expect(rest).toBe('');
        // Unescaped % signs are only the ones we asked for.
        const unescaped = literal.slice(1, -1).replace(/\\./g, '').split('%').length - 1;
        expect(unescaped).toBe(prefix === '%' ? 2 : 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('the builder’s own re-check accepts exactly the records that start with the text', () => {
    fc.assert(
      fc.property(HOSTILE, HOSTILE, (text, other) => {
        const query = QboQuery.select('Customer').whereStartsWith('DisplayName', text);
        expect(query.accepts({ DisplayName: `${text}${other}` })).toBe(true);
        if (!other.startsWith(text)) expect(query.accepts({ DisplayName: other })).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
