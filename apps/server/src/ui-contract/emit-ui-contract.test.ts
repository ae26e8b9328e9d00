import { describe, expect, it } from '@jest/globals';
import { emitUiContract, type OpenApiDocument } from './emit-ui-contract.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

const document: OpenApiDocument = {
  components: {
    schemas: {
      // Answered and accepted alike: one schema for both.
      Status: { type: 'string', enum: ['on', 'off'] },
      StatusInput: { type: 'string', enum: ['on', 'off'] },
      // Refers to Status, so it must come after it although its name sorts first.
      Card: {
        type: 'object',
        description: 'One card',
        properties: { status: ref('Status') },
        required: ['status'],
        additionalProperties: false,
      },
      // Accepted differently from how it is answered: both are kept.
      Range: { type: 'object', properties: { to: { type: 'string' } }, required: ['to'] },
      RangeInput: { type: 'object', properties: { to: { type: 'integer' } }, required: ['to'] },
    },
  },
  paths: {
    '/api/v1/cards/{cardId}': {
      put: {
        parameters: [
          { in: 'path', name: 'cardId', required: true, schema: { type: 'string' } },
          { in: 'query', name: 'page', schema: { type: 'integer', minimum: 1 } },
        ],
        requestBody: json({
          type: 'object',
          properties: { status: ref('StatusInput'), range: ref('RangeInput') },
          required: ['status'],
          additionalProperties: false,
        }),
        responses: { 200: json(ref('Card')), 400: json({ type: 'object' }) },
      },
    },
    '/api/v1/export.csv': {
      get: { responses: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
    '/healthz': { get: { responses: { 200: json({ type: 'object' }) } } },
  },
};

describe('emitUiContract', () => {
  it('writes the named schemas, dependencies first, then the route table of the API prefix', () => {
    const text = emitUiContract(document, { pathPrefix: '/api/', header: ['Generated; do not edit.'] });
    const beforeTypes = text.slice(0, text.indexOf('export type ApiRoute'));
    expect(beforeTypes).toBe(`// Generated; do not edit.
import { z } from 'zod';

export const rangeSchema = z.object({
  to: z.string(),
});
export type Range = z.infer<typeof rangeSchema>;

export const rangeInputSchema = z.object({
  to: z.number().int(),
});
export type RangeInput = z.infer<typeof rangeInputSchema>;

export const statusSchema = z.enum(['on', 'off']);
export type Status = z.infer<typeof statusSchema>;

/** One card */
export const cardSchema = z.object({
  status: statusSchema,
});
export type Card = z.infer<typeof cardSchema>;

/** Every route the UI may call, keyed \`METHOD path\` as the OpenAPI document writes it. */
export const apiRoutes = {
  'PUT /api/v1/cards/{cardId}': {
    params: z.object({
      cardId: z.string(),
    }),
    query: z.object({
      page: z.number().int().min(1).optional(),
    }),
    body: z.strictObject({
      status: statusSchema,
      range: rangeInputSchema.optional(),
    }),
    response: cardSchema,
  },
} as const;

`);
  });

  it('does not depend on the order the server registered its schemas in', () => {
    const options = { pathPrefix: '/api/', header: [] };
    const reversed = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).reverse());
    expect(emitUiContract({ ...document, components: { schemas: reversed } }, options)).toBe(
      emitUiContract(document, options),
    );
  });
});
