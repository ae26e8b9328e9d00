import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import type { OpContext } from '../entities/context.ts';
import type { EntityDef, FieldKind } from '../entities/entity-def.ts';
import { view } from '../entities/operations.ts';
import { findEntity } from '../entities/registry.ts';
import type { Condition, Query } from './ast.ts';
import { compareValues, fieldValue, likeMatches } from './compare.ts';
import { parseQuery, QueryParseError } from './parser.ts';

const DEFAULT_MAX = 100;
const LIMIT = 1000;

function resolveField(def: EntityDef, field: string): [string, FieldKind] {
  const entry = Object.entries(def.queryFields).find(([name]) => name.toLowerCase() === field.toLowerCase());
  if (!entry) throw faults.queryInvalid(`Property ${field} not found for Entity ${def.name}`);
  return entry;
}

function matches(data: Json, cond: Condition, path: string, kind: FieldKind): boolean {
  const v = fieldValue(data, path, kind);
  const first = cond.values[0]?.text ?? '';
  switch (cond.op) {
    case 'IN':
      return cond.values.some((x) => compareValues(kind, v, x.text) === 0);
    case 'LIKE':
      return likeMatches(v, first);
    case '=':
      return compareValues(kind, v, first) === 0;
    case '<':
      return compareValues(kind, v, first) < 0;
    case '>':
      return compareValues(kind, v, first) > 0;
    case '<=':
      return compareValues(kind, v, first) <= 0;
    case '>=':
      return compareValues(kind, v, first) >= 0;
  }
}

function checkBounds(value: number | undefined, max: number | undefined): void {
  if (value === undefined) return;
  if (value < 1) throw faults.queryInvalid(`value ${value} is too small. Min allowed value is 1`);
  if (max !== undefined && value > max)
    throw faults.queryInvalid(`value ${value} is too large. Max allowed value is ${max}`);
}

export function parseOrFault(text: string): Query {
  try {
    return parseQuery(text);
  } catch (e) {
    if (e instanceof QueryParseError) throw faults.queryParse(e.message);
    throw e;
  }
}

/** Runs a query and returns the `QueryResponse` object QBO would send. */
export function executeQuery(ctx: OpContext, text: string): Json {
  const q = parseOrFault(text);
  const def = findEntity(q.entity);
  if (!def) throw faults.queryInvalid(`invalid context declaration: ${q.entity}`);
  const conds = q.where.map((c) => ({ c, f: resolveField(def, c.field) }));
  const order = q.orderBy.map((o) => ({ o, f: resolveField(def, o.field) }));
  checkBounds(q.startPosition, undefined);
  checkBounds(q.maxResults, LIMIT);
  const filtersActive = conds.some(({ f }) => f[0] === 'Active');
  let rows = ctx.realm.list(def.name, ctx.batchId).map((r) => view(ctx, def, r.data));
  if (def.nameList && !filtersActive) rows = rows.filter((r) => r.Active !== false);
  rows = rows.filter((r) => conds.every(({ c, f }) => matches(r, c, f[0], f[1])));
  if (q.projection.kind === 'count') return { totalCount: rows.length };
  rows.sort((a, b) => {
    for (const { o, f } of order) {
      const cmp = compareValues(f[1], fieldValue(a, f[0], f[1]), String(fieldValue(b, f[0], f[1]) ?? ''));
      if (cmp !== 0 && !Number.isNaN(cmp)) return o.dir === 'DESC' ? -cmp : cmp;
    }
    return compareValues('id', a.Id, String(b.Id));
  });
  const start = q.startPosition ?? 1;
  const page = rows.slice(start - 1, start - 1 + (q.maxResults ?? DEFAULT_MAX));
  if (page.length === 0) return {};
  return { [def.name]: page, startPosition: start, maxResults: page.length };
}
