import type { Json } from '../core/json.ts';
import { getPath, isObject } from '../core/json.ts';
import { dec } from '../core/money.ts';
import type { FieldKind } from '../entities/entity-def.ts';

/** The comparable value of a field: refs compare by `value`, emails by `Address`. */
export function fieldValue(data: Json, path: string, kind: FieldKind): unknown {
  const v = getPath(data, path);
  if (kind === 'ref') return isObject(v) ? v.value : v;
  if (kind === 'email') return isObject(v) ? v.Address : v;
  return v;
}

function asTime(v: string): number {
  // Accept offsets written without a colon (`-0700`) as Intuit's own samples do.
  const fixed = v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(fixed);
}

/** Orders two values of a field kind; NaN when not comparable. */
export function compareValues(kind: FieldKind, a: unknown, b: string): number {
  if (a === undefined || a === null) return Number.NaN;
  switch (kind) {
    case 'number':
      try {
        return dec(a).comparedTo(dec(b));
      } catch {
        return Number.NaN;
      }
    case 'boolean':
      return String(a) === b.toLowerCase() ? 0 : String(a) < b.toLowerCase() ? -1 : 1;
    case 'datetime': {
      const x = asTime(String(a));
      const y = asTime(b);
      return Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : Math.sign(x - y);
    }
    case 'date': {
      const x = String(a).slice(0, 10);
      const y = b.slice(0, 10);
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case 'id':
    case 'ref':
      if (/^\d+$/.test(String(a)) && /^\d+$/.test(b)) return Math.sign(Number(a) - Number(b));
      return String(a) === b ? 0 : String(a) < b ? -1 : 1;
    default: {
      const x = String(a).toLowerCase();
      const y = b.toLowerCase();
      return x === y ? 0 : x < y ? -1 : 1;
    }
  }
}

export function likeMatches(value: unknown, pattern: string): boolean {
  if (value === undefined || value === null) return false;
  const re = new RegExp(
    `^${pattern
      .split('%')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'is',
  );
  return re.test(String(value));
}
