import { Dec } from '../money/money.ts';
import type { CanonicalCustomer } from '../records/canonical-customer.ts';
import type { SideRecord } from '../records/side-record.ts';
import type { FilterOperator, InboundFilter } from '../settings/portal-settings.ts';
import { type FilterResult, INCLUDED } from './filter-result.ts';

type Scalar = string | number | boolean | null;

/** Fields an inbound filter can test on the invoice itself (R-FLT-2). */
export function invoiceFilterValue(invoice: SideRecord<'invoice'>, field: string): Scalar {
  const r = invoice.record;
  switch (field) {
    case 'createdAt':
      return invoice.createdAt;
    case 'updatedAt':
      return invoice.updatedAt;
    case 'number':
    case 'issueDate':
    case 'dueDate':
    case 'currency':
    case 'status':
    case 'comments':
    case 'total':
    case 'balance':
      return r[field];
    default:
      if (field.startsWith('custom:')) return r.customFields[field.slice(7)]?.value ?? null;
      return null;
  }
}

function customerFilterValue(customer: CanonicalCustomer | null, field: string): Scalar {
  if (!customer) return null;
  const v = (customer as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' || typeof v === 'boolean' || v === null ? v : null;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
// A moment with its zone (lower-cased, as operands are): QuickBooks stamps times with the
// company's offset (`12:40:26-08:00`), a filter's value is UTC (`20:40:25.570z`).
const INSTANT = /^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:\d{2})$/;
function compare(a: string, b: string): number {
  // Decimals compare as numbers, moments as moments; dates and other text compare as strings
  // (ISO dates sort right).
  if (DECIMAL.test(a) && DECIMAL.test(b)) return new Dec(a).comparedTo(b);
  if (INSTANT.test(a) && INSTANT.test(b))
    return Math.sign(Date.parse(a.toUpperCase()) - Date.parse(b.toUpperCase()));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies one operator; comparisons ignore case for text as HubSpot's filters do. */
export function testOperator(
  actual: Scalar,
  operator: FilterOperator,
  expected: string | string[] | null,
): boolean {
  if (operator === 'is_known') return actual !== null && actual !== '';
  if (operator === 'is_unknown') return actual === null || actual === '';
  if (actual === null) return operator === 'neq' || operator === 'not_contains' || operator === 'not_in';
  const a = String(actual).toLowerCase();
  const list = (Array.isArray(expected) ? expected : [expected ?? '']).map((e) => e.toLowerCase());
  const e = list[0] ?? '';
  switch (operator) {
    case 'eq':
      return compare(a, e) === 0;
    case 'neq':
      return compare(a, e) !== 0;
    case 'contains':
      return a.includes(e);
    case 'not_contains':
      return !a.includes(e);
    case 'starts_with':
      return a.startsWith(e);
    case 'gt':
      return compare(a, e) > 0;
    case 'gte':
      return compare(a, e) >= 0;
    case 'lt':
      return compare(a, e) < 0;
    case 'lte':
      return compare(a, e) <= 0;
    case 'in':
      return list.some((x) => compare(a, x) === 0);
    case 'not_in':
      return !list.some((x) => compare(a, x) === 0);
  }
}

/**
 * R-FLT-2: every configured filter must pass (AND). No filters → every QBO invoice passes.
 * `customer` is the invoice's QBO customer, for "associated with" filters.
 */
export function filterInboundInvoice(
  invoice: SideRecord<'invoice'>,
  customer: CanonicalCustomer | null,
  filters: readonly InboundFilter[],
): FilterResult {
  for (const f of filters) {
    const actual =
      f.kind === 'primary' ? invoiceFilterValue(invoice, f.field) : customerFilterValue(customer, f.field);
    if (!testOperator(actual, f.operator, f.value)) {
      const where = f.kind === 'primary' ? f.field : `customer.${f.field}`;
      return {
        included: false,
        exclusion: { reason: 'filtered', detail: `${where} ${f.operator} ${JSON.stringify(f.value)}` },
      };
    }
  }
  return INCLUDED;
}
