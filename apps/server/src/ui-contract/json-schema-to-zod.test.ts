import { describe, expect, it } from '@jest/globals';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type EmitContext,
  type JsonSchema,
  UnsupportedSchemaError,
  zodExpression,
} from './json-schema-to-zod.ts';

// The server's own conversion (fastify-type-provider-zod, OpenAPI 3.0), with a registry of its own
// so nothing here is named.
const transform = createJsonSchemaTransform({ schemaRegistry: z.registry() });

function jsonOf(schema: z.ZodType, as: 'response' | 'body'): JsonSchema {
  const part = as === 'response' ? { response: { 200: schema } } : { body: schema };
  const { schema: out } = transform({
    schema: part,
    url: '/t',
    openapiObject: { openapi: '3.0.3' },
  } as never) as { schema: { response?: Record<number, JsonSchema>; body?: JsonSchema } };
  return (as === 'response' ? out.response?.[200] : out.body) as JsonSchema;
}

const noRefs: EmitContext['refName'] = (id) => {
  throw new Error(`unexpected $ref ${id}`);
};

/** The server schema → OpenAPI → emitted zod code → a live schema, as the UI gets it. */
function regenerate(schema: z.ZodType, as: 'response' | 'body' = 'response'): z.ZodType {
  const code = zodExpression(jsonOf(schema, as), { refName: noRefs, request: as === 'body' }, 'test');
  return new Function('z', `return ${code};`)(z) as z.ZodType;
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('zod → OpenAPI → zod, as the UI contract is generated', () => {
  const cases: { name: string; schema: z.ZodType; samples: unknown[] }[] = [
    {
      name: 'enums, literals, nullable and optional fields',
      schema: z.object({
        status: z.enum(['synced', 'failed']),
        queued: z.literal(true),
        note: z.string().nullable(),
        extra: z.number().optional(),
      }),
      samples: [
        { status: 'synced', queued: true, note: null },
        { status: 'synced', queued: true, note: 'x', extra: 2 },
        { status: 'other', queued: true, note: null },
        { status: 'synced', queued: false, note: null },
        { status: 'synced', queued: true },
        { status: 'synced', queued: true, note: null, extra: 'two' },
      ],
    },
    {
      name: 'date-times with an offset, uuids, patterns and lengths',
      schema: z.object({
        at: z.iso.datetime({ offset: true }),
        id: z.uuid(),
        amount: z.string().regex(/^-?\d+(\.\d+)?$/),
        code: z.string().min(2).max(4),
      }),
      samples: [
        {
          at: '2026-03-04T14:15:00Z',
          id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          amount: '-1.50',
          code: 'ab',
        },
        {
          at: '2026-03-04T14:15:00+01:00',
          id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          amount: '2',
          code: 'abcd',
        },
        { at: '2026-03-04', id: '0f8fad5b-d9cb-469f-a165-70867728950e', amount: '1', code: 'ab' },
        { at: '2026-03-04T14:15:00Z', id: 'not-a-uuid', amount: '1', code: 'ab' },
        { at: '2026-03-04T14:15:00Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e', amount: '1,5', code: 'ab' },
        {
          at: '2026-03-04T14:15:00Z',
          id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          amount: '1',
          code: 'abcde',
        },
      ],
    },
    {
      name: 'integers, bounds and arrays',
      schema: z.object({
        n: z.number().int().min(1).max(200),
        ratio: z.number(),
        tags: z.array(z.string()).max(2),
      }),
      samples: [
        { n: 1, ratio: 0.5, tags: [] },
        { n: 200, ratio: -3, tags: ['a', 'b'] },
        { n: 0, ratio: 1, tags: [] },
        { n: 1.5, ratio: 1, tags: [] },
        { n: 1, ratio: 1, tags: ['a', 'b', 'c'] },
      ],
    },
    {
      name: 'discriminated unions, unions and records',
      schema: z.object({
        filter: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('primary'), field: z.string() }),
          z.object({ kind: z.literal('associated_with'), association: z.literal('customer') }),
        ]),
        value: z.union([z.string(), z.array(z.string()), z.null()]),
        byId: z.record(z.string(), z.string()),
        row: z.object({ id: z.string() }).catchall(z.union([z.string(), z.null()])),
      }),
      samples: [
        { filter: { kind: 'primary', field: 'x' }, value: null, byId: {}, row: { id: '1', a: null } },
        {
          filter: { kind: 'associated_with', association: 'customer' },
          value: ['a'],
          byId: { a: 'b' },
          row: { id: '1' },
        },
        { filter: { kind: 'other', field: 'x' }, value: null, byId: {}, row: { id: '1' } },
        { filter: { kind: 'primary' }, value: null, byId: {}, row: { id: '1' } },
        { filter: { kind: 'primary', field: 'x' }, value: 3, byId: {}, row: { id: '1' } },
        { filter: { kind: 'primary', field: 'x' }, value: null, byId: { a: 1 }, row: { id: '1' } },
        { filter: { kind: 'primary', field: 'x' }, value: null, byId: {}, row: { id: '1', a: 2 } },
      ],
    },
  ];

  it.each(cases)('$name: accepts and refuses what the server schema does', ({ schema, samples }) => {
    const generated = regenerate(schema);
    for (const sample of samples)
      expect([sample, accepts(generated, sample)]).toEqual([sample, accepts(schema, sample)]);
  });

  it('fills defaults as the server does', () => {
    const schema = z.object({
      byId: z.record(z.string(), z.string()).default({}),
      sort: z.enum(['a', 'b']).default('b'),
    });
    expect(regenerate(schema, 'body').parse({})).toEqual({ byId: {}, sort: 'b' });
  });

  it('an answer may carry fields the UI does not know yet; a strict request body may not', () => {
    const answer = regenerate(z.object({ id: z.string() }));
    expect(answer.parse({ id: '1', addedLater: true })).toEqual({ id: '1' });
    const body = regenerate(z.object({ accountId: z.string() }).strict(), 'body');
    expect(accepts(body, { accountId: '79', stray: 1 })).toBe(false);
    expect(accepts(body, { accountId: '79' })).toBe(true);
  });

  it('writes a reference as the named schema and a property description as a doc comment', () => {
    const code = zodExpression(
      {
        type: 'object',
        properties: { card: { $ref: '#/components/schemas/InvoiceCard', description: 'The card' } },
        required: ['card'],
      },
      { refName: (id) => `${id}Named`, request: false },
      'test',
    );
    expect(code).toBe('z.object({\n  /** The card */\n  card: InvoiceCardNamed,\n})');
  });

  it('refuses what it cannot carry, naming the keyword and where it is', () => {
    const emit = (schema: object) => () =>
      zodExpression(schema as JsonSchema, { refName: noRefs, request: false }, 'Card');
    expect(emit({ type: 'object', properties: { a: { type: 'string', not: {} } } })).toThrow(
      new UnsupportedSchemaError('Card.a', 'keyword "not" is not supported'),
    );
    expect(emit({ type: 'string', format: 'email' })).toThrow(/Card: string format "email"/);
    expect(emit({ allOf: [{ type: 'string' }, { type: 'number' }] })).toThrow(/allOf of several schemas/);
  });
});
