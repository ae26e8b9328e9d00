import { Dec } from '../money/money.ts';
import type { FilterOperator } from '../settings/portal-settings.ts';
import type { FilterFieldType } from './filter-catalogue.ts';
import type { FilterScalar } from './filter-field-values.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

function compare(a: string, b: string, type: FilterFieldType): number {
  if (type === 'datetime') {
    // Instants carry offsets (QBO writes -07:00), so they compare as instants, never as text.
    const x = Date.parse(a);
    const y = Date.parse(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return Math.sign(x - y);
  }
  if (DECIMAL.test(a) && DECIMAL.test(b)) return new Dec(a).comparedTo(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies one operator; text compares without case, as HubSpot's filters do. */
export function testOperator(
  actual: FilterScalar,
  operator: FilterOperator,
  expected: string | readonly string[] | null,
  type: FilterFieldType = 'string',
): boolean {
  if (operator === 'is_known') return actual !== null && actual !== '';
  if (operator === 'is_unknown') return actual === null || actual === '';
  if (actual === null) return operator === 'neq' || operator === 'not_contains' || operator === 'not_in';
  const norm = (v: string) => (type === 'datetime' ? v : v.toLowerCase());
  const a = norm(String(actual));
  const list = (Array.isArray(expected) ? expected : [expected ?? '']).map(norm);
  const e = list[0] ?? '';
  switch (operator) {
    case 'eq':
      return compare(a, e, type) === 0;
    case 'neq':
      return compare(a, e, type) !== 0;
    case 'contains':
      return a.includes(e);
    case 'not_contains':
      return !a.includes(e);
    case 'starts_with':
      return a.startsWith(e);
    case 'gt':
      return compare(a, e, type) > 0;
    case 'gte':
      return compare(a, e, type) >= 0;
    case 'lt':
      return compare(a, e, type) < 0;
    case 'lte':
      return compare(a, e, type) <= 0;
    case 'in':
      return list.some((x) => compare(a, x, type) === 0);
    case 'not_in':
      return !list.some((x) => compare(a, x, type) === 0);
  }
}
