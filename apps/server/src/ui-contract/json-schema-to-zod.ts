import { z } from 'zod';

/**
 * The part of OpenAPI 3.0's schema object that the server's zod schemas produce. The emitter
 * refuses any other keyword, so a construct it does not know fails the generation instead of
 * becoming a looser schema in the UI.
 */
export interface JsonSchema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  nullable?: boolean;
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  default?: unknown;
  description?: string;
}

const KEYWORDS = new Set<string>([
  '$ref',
  'type',
  'nullable',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'default',
  'description',
]);

export interface EmitContext {
  /** How a `$ref` (`#/components/schemas/<id>`) is written: the name of the emitted schema. */
  refName: (componentId: string) => string;
  /**
   * A request the server checks strictly refuses unknown keys in the UI's schema too, so a test
   * catches the UI sending a field the server would refuse. Answers always strip unknown keys:
   * a server that adds a field must not break a UI built before it.
   */
  request: boolean;
}

export class UnsupportedSchemaError extends Error {
  readonly code = 'unsupported_schema';
  constructor(path: string, what: string) {
    super(
      `${path}: ${what}; teach apps/server/src/ui-contract/json-schema-to-zod.ts or change the server schema`,
    );
  }
}

// zod writes its own string formats as `format` plus the pattern it checks; the UI gets the same
// zod call back only when the pattern is exactly the one that call produces.
const FORMATS = [
  { code: 'z.iso.datetime({ offset: true })', schema: z.iso.datetime({ offset: true }) },
  { code: 'z.uuid()', schema: z.uuid() },
].map(({ code, schema }) => {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0' }) as JsonSchema;
  return { code, format: json.format, pattern: json.pattern };
});

// `z.number().int()` bounds every integer by the safe range; that is what the type means, not a check.
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/** The zod expression for `schema`, laid out at `indent`; `path` names it in errors. */
export function zodExpression(schema: JsonSchema, ctx: EmitContext, path: string, indent = ''): string {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key)) throw new UnsupportedSchemaError(path, `keyword "${key}" is not supported`);
  }
  let code = baseExpression(schema, ctx, path, indent);
  if (schema.nullable) code += '.nullable()';
  if (schema.default !== undefined) code += `.default(${valueLiteral(schema.default)})`;
  return code;
}

function baseExpression(schema: JsonSchema, ctx: EmitContext, path: string, indent: string): string {
  if (schema.$ref !== undefined) {
    const id = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
    if (!id) throw new UnsupportedSchemaError(path, `$ref "${schema.$ref}" is not a component`);
    return ctx.refName(id);
  }
  if (schema.allOf) {
    // zod wraps a referenced schema that is nullable or has a default in a one-item allOf.
    const [only] = schema.allOf;
    if (schema.allOf.length !== 1 || !only)
      throw new UnsupportedSchemaError(path, 'allOf of several schemas');
    return zodExpression(only, ctx, `${path}.allOf[0]`, indent);
  }
  if (schema.oneOf) return discriminatedUnion(schema.oneOf, ctx, path, indent);
  if (schema.anyOf) {
    const branches = schema.anyOf.map((s, i) => zodExpression(s, ctx, `${path}.anyOf[${i}]`, indent));
    return `z.union([${branches.join(', ')}])`;
  }
  if (schema.enum) return enumExpression(schema, path);
  switch (schema.type) {
    case 'string':
      return stringExpression(schema, path);
    case 'integer':
    case 'number':
      return numberExpression(schema);
    case 'boolean':
      return 'z.boolean()';
    case 'array': {
      if (!schema.items) throw new UnsupportedSchemaError(path, 'array without items');
      let code = `z.array(${zodExpression(schema.items, ctx, `${path}[]`, indent)})`;
      if (schema.minItems !== undefined) code += `.min(${schema.minItems})`;
      if (schema.maxItems !== undefined) code += `.max(${schema.maxItems})`;
      return code;
    }
    case 'object':
      return objectExpression(schema, ctx, path, indent);
    case undefined:
      if (Object.keys(schema).every((k) => k === 'description')) return 'z.unknown()';
      throw new UnsupportedSchemaError(path, 'schema without a type');
  }
  throw new UnsupportedSchemaError(path, `type "${String(schema.type)}" is not supported`);
}

function enumExpression(schema: JsonSchema, path: string): string {
  const values = schema.enum ?? [];
  if (values.length === 0) throw new UnsupportedSchemaError(path, 'empty enum');
  if (values.length === 1) return `z.literal(${literal(values[0], path)})`;
  if (values.every((v) => typeof v === 'string'))
    return `z.enum([${values.map((v) => quote(v)).join(', ')}])`;
  return `z.union([${values.map((v) => `z.literal(${literal(v, path)})`).join(', ')}])`;
}

function stringExpression(schema: JsonSchema, path: string): string {
  let code = 'z.string()';
  if (schema.format !== undefined) {
    const known = FORMATS.find((f) => f.format === schema.format && f.pattern === schema.pattern);
    if (known) code = known.code;
    else if (schema.pattern === undefined) {
      throw new UnsupportedSchemaError(path, `string format "${schema.format}" is not supported`);
    }
  }
  if (schema.pattern !== undefined && code === 'z.string()')
    code += `.regex(${String(new RegExp(schema.pattern))})`;
  if (schema.minLength !== undefined) code += `.min(${schema.minLength})`;
  if (schema.maxLength !== undefined) code += `.max(${schema.maxLength})`;
  return code;
}

function numberExpression(schema: JsonSchema): string {
  const integer = schema.type === 'integer';
  let code = integer ? 'z.number().int()' : 'z.number()';
  if (schema.minimum !== undefined && !(integer && schema.minimum === -SAFE_INTEGER)) {
    code += `.min(${schema.minimum})`;
  }
  if (schema.maximum !== undefined && !(integer && schema.maximum === SAFE_INTEGER)) {
    code += `.max(${schema.maximum})`;
  }
  return code;
}

function objectExpression(schema: JsonSchema, ctx: EmitContext, path: string, indent: string): string {
  const extra = schema.additionalProperties;
  const extraCode = typeof extra === 'object' ? zodExpression(extra, ctx, `${path}{*}`, indent) : undefined;
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    return extraCode === undefined ? 'z.object({})' : `z.record(z.string(), ${extraCode})`;
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.flatMap(([name, property]) => {
    let code = zodExpression(property, ctx, `${path}.${name}`, inner);
    if (!required.has(name) && property.default === undefined) code += '.optional()';
    const doc = property.description === undefined ? [] : [`${inner}${docComment(property.description)}`];
    return [...doc, `${inner}${propertyKey(name)}: ${code},`];
  });
  const make = ctx.request && extra === false ? 'z.strictObject' : 'z.object';
  const object = `${make}({\n${lines.join('\n')}\n${indent}})`;
  return extraCode === undefined ? object : `${object}.catchall(${extraCode})`;
}

/** zod's discriminated unions come out as `oneOf` whose branches share one single-valued property. */
function discriminatedUnion(
  branches: readonly JsonSchema[],
  ctx: EmitContext,
  path: string,
  indent: string,
): string {
  const [first] = branches;
  const key = Object.keys(first?.properties ?? {}).find((name) =>
    branches.every((b) => b.properties?.[name]?.enum?.length === 1 && b.required?.includes(name)),
  );
  if (!key) throw new UnsupportedSchemaError(path, 'oneOf without a discriminating property');
  const inner = `${indent}  `;
  const codes = branches.map((b, i) => `${inner}${zodExpression(b, ctx, `${path}.oneOf[${i}]`, inner)},`);
  return `z.discriminatedUnion(${quote(key)}, [\n${codes.join('\n')}\n${indent}])`;
}

function literal(value: unknown, path: string): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnsupportedSchemaError(path, `enum value ${JSON.stringify(value)}`);
}

function valueLiteral(value: unknown): string {
  return typeof value === 'string' ? quote(value) : JSON.stringify(value);
}

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

/** A one-line doc comment; `*\/` inside the text cannot end it early. */
export function docComment(text: string): string {
  return `/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */`;
}
