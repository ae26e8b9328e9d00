import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { QboFault } from '../core/fault.ts';
import { faults } from '../core/fault-catalogue.ts';
import { formatQuery, type Query } from './ast.ts';
import { parseOrFault } from './execute.ts';
import { parseQuery, QueryParseError } from './parser.ts';

describe('parseQuery', () => {
  it('parses keywords and entity names in any case', () => {
    const q = parseQuery(
      "select * from invoice where DocNumber = 'A-1' and Balance > '0' orderby TxnDate desc startposition 1 maxresults 1000",
    );
    expect(q).toEqual({
      projection: { kind: 'all' },
      entity: 'invoice',
      where: [
        { field: 'DocNumber', op: '=', values: [{ quoted: true, text: 'A-1' }] },
        { field: 'Balance', op: '>', values: [{ quoted: true, text: '0' }] },
      ],
      orderBy: [{ field: 'TxnDate', dir: 'DESC' }],
      startPosition: 1,
      maxResults: 1000,
    });
  });

  it('parses count(*), IN lists, LIKE, unquoted values, backslash escapes and ORDER BY', () => {
    expect(parseQuery('SELECT COUNT(*) FROM Customer').projection).toEqual({ kind: 'count' });
    const q = parseQuery(
      "SELECT * FROM Customer WHERE Active IN (true, false) AND DisplayName LIKE 'O\\'Br%' ORDER BY Id",
    );
    expect(q.where[0]).toEqual({
      field: 'Active',
      op: 'IN',
      values: [
        { quoted: false, text: 'true' },
        { quoted: false, text: 'false' },
      ],
    });
    expect(q.where[1]).toEqual({
      field: 'DisplayName',
      op: 'LIKE',
      values: [{ quoted: true, text: "O'Br%" }],
    });
    expect(q.orderBy).toEqual([{ field: 'Id', dir: 'ASC' }]);
    expect(parseQuery('SELECT *, Sku FROM Item').projection).toEqual({
      kind: 'fields',
      fields: ['*', 'Sku'],
    });
    expect(parseQuery('SELECT * FROM Item MAXRESULTS 5 STARTPOSITION 2')).toMatchObject({
      maxResults: 5,
      startPosition: 2,
    });
  });

  it.each([
    '',
    'SELECT',
    'SELECT * FROM',
    'SELECT * FROM Customer WHERE',
    'SELECT * FROM Customer WHERE Name = ',
    "SELECT * FROM Customer WHERE DisplayName = 'O'Brien'",
    'SELECT * FROM Customer WHERE A = 1 OR B = 2',
    'SELECT * FROM Customer MAXRESULTS x',
    "SELECT * FROM Customer WHERE DisplayName = 'unterminated",
    'SELECT * FROM Customer GROUP BY Id',
  ])('rejects %p with a QueryParseError', (text) => {
    expect(() => parseQuery(text)).toThrow(QueryParseError);
  });
});

const ident = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}(\.[A-Za-z][A-Za-z0-9]{0,8})?$/)
  .filter(
    (s) =>
      ![
        'SELECT',
        'FROM',
        'WHERE',
        'AND',
        'ORDERBY',
        'ORDER',
        'STARTPOSITION',
        'MAXRESULTS',
        'IN',
        'LIKE',
        'ASC',
        'DESC',
        'COUNT',
      ].includes(s.toUpperCase()),
  );
const value = fc.oneof(
  fc.record({ quoted: fc.constant(true), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    quoted: fc.constant(false),
    text: fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('true', 'false')),
  }),
);
const condition = fc.oneof(
  fc.record({
    field: ident,
    op: fc.constantFrom(
      '=' as const,
      '<' as const,
      '>' as const,
      '<=' as const,
      '>=' as const,
      'LIKE' as const,
    ),
    values: fc.tuple(value).map((v) => [...v]),
  }),
  fc.record({
    field: ident,
    op: fc.constant('IN' as const),
    values: fc.array(value, { minLength: 1, maxLength: 4 }),
  }),
);
const query: fc.Arbitrary<Query> = fc
  .record({
    projection: fc.oneof(fc.constant({ kind: 'all' as const }), fc.constant({ kind: 'count' as const })),
    entity: ident,
    where: fc.array(condition, { maxLength: 4 }),
    orderBy: fc.array(fc.record({ field: ident, dir: fc.constantFrom('ASC' as const, 'DESC' as const) }), {
      maxLength: 2,
    }),
    startPosition: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
    maxResults: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
  })
  .map((q) => {
    const out: Query = { projection: q.projection, entity: q.entity, where: q.where, orderBy: q.orderBy };
    if (q.startPosition !== undefined) out.startPosition = q.startPosition;
    if (q.maxResults !== undefined) out.maxResults = q.maxResults;
    return out;
  });

describe('query parser properties', () => {
  it('generated queries round-trip through format and parse', () => {
    fc.assert(
      fc.property(query, (q) => expect(parseQuery(formatQuery(q))).toEqual(q)),
      { numRuns: 300 },
    );
  });

  it('arbitrary input either parses or gets a 4000 Fault, never another error', () => {
    const noisy = fc.oneof(
      fc.string({ maxLength: 80 }),
      query
        .map(formatQuery)
        .chain((s) =>
          fc
            .tuple(fc.nat(s.length), fc.nat(s.length), fc.string({ maxLength: 3 }))
            .map(([a, b, ins]) => s.slice(0, Math.min(a, b)) + ins + s.slice(Math.max(a, b))),
        ),
    );
    fc.assert(
      fc.property(noisy, (text) => {
        try {
          parseOrFault(text);
        } catch (e) {
          expect(e).toBeInstanceOf(QboFault);
          expect((e as QboFault).body.Error[0]?.code).toBe('4000');
          expect((e as QboFault).status).toBe(400);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the parse fault has QBO’s message', () => {
    expect(faults.queryParse('x').body.Error[0]).toMatchObject({
      Message: 'Error parsing query',
      Detail: 'QueryParserError: x',
    });
  });
});
