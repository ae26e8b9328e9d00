import {
  docComment,
  type EmitContext,
  type JsonSchema,
  quote,
  UnsupportedSchemaError,
  zodExpression,
} from './json-schema-to-zod.ts';

/** The parts of an OpenAPI 3.0 document the UI's contract is made of. */
export interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema; description?: string }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export interface EmitOptions {
  /** Routes whose path starts with it make the route table (the ones `hubspot.fetch` calls). */
  pathPrefix: string;
  /** The first lines of the file: what it is and how to regenerate it. */
  header: readonly string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const JSON_TYPE = 'application/json';

/**
 * The UI's contract as one TypeScript module: every named component of the document as a zod
 * schema with its inferred type, then `apiRoutes`, each route's body, query, path parameters and
 * success answer. The output depends only on the document, so regenerating is byte-stable.
 */
export function emitUiContract(document: OpenApiDocument, options: EmitOptions): string {
  const components = document.components?.schemas ?? {};
  const names = canonicalNames(components);
  const refName = (id: string) => {
    const name = names.get(id);
    if (!name) throw new UnsupportedSchemaError(`$ref ${id}`, 'no such component');
    return schemaConst(name);
  };
  const answer: EmitContext = { refName, request: false };

  const emitted = [...new Set(names.values())];
  const blocks = topologicalOrder(emitted, (id) => dependencies(components[id] ?? {}, names)).map((id) => {
    const schema = components[id] ?? {};
    const doc = schema.description === undefined ? [] : [docComment(schema.description)];
    return [
      ...doc,
      `export const ${schemaConst(id)} = ${zodExpression(schema, answer, id)};`,
      `export type ${id} = z.infer<typeof ${schemaConst(id)}>;`,
    ].join('\n');
  });

  const routes = routeEntries(document, options.pathPrefix, refName);
  return [
    ...options.header.map((line) => `// ${line}`),
    "import { z } from 'zod';",
    '',
    blocks.join('\n\n'),
    '',
    '/** Every route the UI may call, keyed `METHOD path` as the OpenAPI document writes it. */',
    'export const apiRoutes = {',
    ...routes,
    '} as const;',
    '',
    ROUTE_TYPES,
  ].join('\n');
}

const ROUTE_TYPES = `export type ApiRoute = keyof typeof apiRoutes;
type RouteOf<R extends ApiRoute> = (typeof apiRoutes)[R];
/** What the route answers on success. */
export type ResponseOf<R extends ApiRoute> = z.infer<RouteOf<R>['response']>;
/** The JSON body the route takes (\`never\` when it takes none). */
export type BodyOf<R extends ApiRoute> = RouteOf<R> extends { body: infer B extends z.ZodType } ? z.input<B> : never;
/** The query the route reads (\`never\` when it reads none). */
export type QueryOf<R extends ApiRoute> = RouteOf<R> extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
`;

/**
 * fastify-type-provider-zod writes every named schema twice, `X` (as answered) and `XInput` (as
 * accepted). Where both read the same in zod (defaults apply either way, unknown keys are
 * stripped either way) the UI gets one schema, `X`; otherwise `XInput` is its own schema.
 */
function canonicalNames(components: Record<string, JsonSchema>): Map<string, string> {
  const names = new Map<string, string>();
  const resolve = (id: string): string => {
    const known = names.get(id);
    if (known) return known;
    const base = id.endsWith('Input') ? id.slice(0, -'Input'.length) : null;
    let name = id;
    if (base !== null && components[base]) {
      const ctx: EmitContext = { refName: resolve, request: false };
      const code = (of: string) => zodExpression(components[of] ?? {}, ctx, of);
      if (code(id) === code(base)) name = base;
    }
    names.set(id, name);
    return name;
  };
  for (const id of Object.keys(components).sort()) resolve(id);
  return names;
}

function schemaConst(id: string): string {
  return `${id.charAt(0).toLowerCase()}${id.slice(1)}Schema`;
}

function dependencies(schema: JsonSchema, names: Map<string, string>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string') {
          const id = child.replace('#/components/schemas/', '');
          found.add(names.get(id) ?? id);
        } else if (key !== 'enum' && key !== 'default') visit(child);
      }
    }
  };
  visit(schema);
  return [...found];
}

/** Dependencies first; among schemas free to go next, alphabetical, so the order never wobbles. */
function topologicalOrder(ids: string[], dependsOn: (id: string) => string[]): string[] {
  const pending = new Map(ids.map((id) => [id, new Set(dependsOn(id).filter((d) => d !== id))]));
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([id]) => id);
    if (ready.length === 0) {
      throw new UnsupportedSchemaError(
        [...pending.keys()].join(', '),
        'schemas refer to each other in a cycle',
      );
    }
    const next = ready.sort()[0] as string;
    order.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return order;
}

function routeEntries(document: OpenApiDocument, prefix: string, refName: EmitContext['refName']): string[] {
  const entries: string[] = [];
  for (const path of Object.keys(document.paths).sort()) {
    if (!path.startsWith(prefix)) continue;
    const operations = document.paths[path] ?? {};
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const response = successResponse(operation);
      // Only JSON answers: a file download is opened by the browser through a link, not fetched.
      if (!response) continue;
      const fields: string[] = [];
      const add = (field: string, schema: JsonSchema) => {
        const ctx = { refName, request: field !== 'response' };
        fields.push(`    ${field}: ${zodExpression(schema, ctx, `${key} ${field}`, '    ')},`);
      };
      const params = parameterObject(operation, 'path');
      if (params) add('params', params);
      const query = parameterObject(operation, 'query');
      if (query) add('query', query);
      const body = operation.requestBody?.content?.[JSON_TYPE]?.schema;
      if (body) add('body', body);
      add('response', response);
      entries.push(`  ${quote(key)}: {`, ...fields, '  },');
    }
  }
  return entries;
}

function successResponse(operation: OpenApiOperation): JsonSchema | undefined {
  const status = Object.keys(operation.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  return status === undefined ? undefined : operation.responses?.[status]?.content?.[JSON_TYPE]?.schema;
}

/** Path or query parameters as one object schema, as the server declared them. */
function parameterObject(operation: OpenApiOperation, where: 'path' | 'query'): JsonSchema | undefined {
  const parameters = (operation.parameters ?? []).filter((p) => p.in === where);
  if (parameters.length === 0) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((p) => [p.name, p.description ? { ...p.schema, description: p.description } : p.schema]),
    ),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}
