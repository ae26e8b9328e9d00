import type { StoredObject } from '../crm/portal.ts';
import type { PropertyDefinition } from '../crm/property-definition.ts';

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;

export interface Filter {
  propertyName: string;
  operator: (typeof OPERATORS)[number];
  value?: string | undefined;
  values?: string[] | undefined;
  highValue?: string | undefined;
}

/** Comparable form of a value: numbers and dates by magnitude, text case-insensitively. */
export function comparable(def: PropertyDefinition | undefined, raw: string): number | string {
  if (def?.type === 'number') return Number(raw);
  if (def?.type === 'datetime' || def?.type === 'date') {
    return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  }
  return raw.toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function containsToken(text: string, token: string): boolean {
  const pattern = token
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  const re = new RegExp(`^${pattern}$`);
  return (
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}@._*-]+/u)
      .some((w) => re.test(w)) || re.test(text.toLowerCase())
  );
}

export function matchFilter(obj: StoredObject, def: PropertyDefinition | undefined, f: Filter): boolean {
  const raw = f.propertyName === 'id' ? obj.id : obj.properties[f.propertyName];
  const has = raw !== undefined && raw !== '';
  if (f.operator === 'HAS_PROPERTY') return has;
  if (f.operator === 'NOT_HAS_PROPERTY') return !has;
  if (f.operator === 'NEQ')
    return !has || compare(comparable(def, raw), comparable(def, f.value ?? '')) !== 0;
  if (f.operator === 'NOT_IN')
    return !has || !(f.values ?? []).some((v) => compare(comparable(def, raw), comparable(def, v)) === 0);
  if (f.operator === 'NOT_CONTAINS_TOKEN') return !has || !containsToken(raw, f.value ?? '');
  if (!has) return false;
  const v = comparable(def, raw);
  const c = (other: string | undefined) => compare(v, comparable(def, other ?? ''));
  switch (f.operator) {
    case 'EQ':
      return c(f.value) === 0;
    case 'LT':
      return c(f.value) < 0;
    case 'LTE':
      return c(f.value) <= 0;
    case 'GT':
      return c(f.value) > 0;
    case 'GTE':
      return c(f.value) >= 0;
    case 'BETWEEN':
      return c(f.value) >= 0 && c(f.highValue) <= 0;
    case 'IN':
      return (f.values ?? []).some((x) => c(x) === 0);
    case 'CONTAINS_TOKEN':
      return containsToken(raw, f.value ?? '');
  }
}
