import type { FilterOperator } from '../settings/portal-settings.ts';
import { type FilterField, operatorLabel } from './filter-catalogue.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The engine knows no reader's locale, so instants read in UTC, spelled out rather than ISO.
function readableValue(field: FilterField, v: string): string {
  const option = field.options?.find((o) => o.value === v);
  if (option) return option.label;
  if (field.type === 'datetime') {
    const t = new Date(v);
    if (Number.isNaN(t.getTime())) return v;
    const hh = String(t.getUTCHours()).padStart(2, '0');
    const mm = String(t.getUTCMinutes()).padStart(2, '0');
    return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${hh}:${mm} UTC`;
  }
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }
  return `"${v}"`;
}

/** A filter as a sentence fragment ("Created date is after 7 Dec 2026, 20:40 UTC"). */
export function describeFilter(
  field: FilterField,
  operator: FilterOperator,
  value: string | readonly string[] | null,
): string {
  const op = operatorLabel(operator, field.type);
  if (operator === 'is_known' || operator === 'is_unknown' || value === null) return `${field.label} ${op}`;
  const values = (Array.isArray(value) ? value : [value as string]).map((v) => readableValue(field, v));
  return `${field.label} ${op} ${values.join(', ')}`;
}
