import {
  BILLING_CONTACT_FILTER_LABEL,
  type CheckedFilter,
  checkInboundFilter,
  checkRecordFilter,
  describeFilter,
  type FilterField,
  type InboundFilter,
  type RecordFilter,
} from '@ledgersync/sync-engine';
import { badRequest } from '../http/http-error.ts';

const FIX =
  'The sync does not apply this filter until it is fixed: remove it and add it again from the lists.';

function view<F extends InboundFilter | RecordFilter>(
  checked: CheckedFilter<F>,
  index: number,
  words: (f: F, field: FilterField | null) => string,
) {
  if (!checked.ok) {
    const problem = { ...checked.problem, allowed: [...checked.problem.allowed] };
    return { index, description: null, problem, fix: FIX };
  }
  return {
    index,
    description: words(checked.filter, checked.field),
    problem: null,
    fix: null,
  };
}

/** Each inbound filter in words, or why the engine cannot evaluate it (R-FLT-2). */
export function inboundFilterChecks(
  filters: readonly InboundFilter[],
  customFields: readonly FilterField[] | null = null,
) {
  return filters.map((f, i) =>
    view(checkInboundFilter(f, customFields), i, (m, field) => {
      const text = field === null ? m.field : describeFilter(field, m.operator, m.value);
      return m.kind === 'associated_with' ? `Customer's ${text}` : text;
    }),
  );
}

export function recordFilterChecks(object: 'customer' | 'product', filters: readonly RecordFilter[]) {
  return filters.map((f, i) =>
    view(checkRecordFilter(object, f), i, (m, field) =>
      m.kind === 'property' && field !== null
        ? `${m.side === 'hubspot' ? 'HubSpot' : 'QuickBooks'}: ${describeFilter(field, m.operator, m.value)}`
        : BILLING_CONTACT_FILTER_LABEL,
    ),
  );
}

/** 400 naming the first filter the engine cannot evaluate and what it accepts (R-FLT-2). */
function refuse<F>(checks: readonly CheckedFilter<F>[]): F[] {
  checks.forEach((c, index) => {
    if (!c.ok) {
      throw badRequest(c.problem.code, `Filter ${index + 1}: ${c.problem.message}`, {
        index,
        field: c.problem.field,
        allowed: c.problem.allowed,
      });
    }
  });
  return checks.map((c) => c.filter);
}

/** The filters as they are stored: legacy names migrated, every one evaluable. */
export function acceptInboundFilters(
  filters: readonly InboundFilter[],
  customFields: readonly FilterField[],
): InboundFilter[] {
  return refuse(filters.map((f) => checkInboundFilter(f, customFields)));
}

export function acceptRecordFilters(
  object: 'customer' | 'product',
  filters: readonly RecordFilter[],
): RecordFilter[] {
  return refuse(filters.map((f) => checkRecordFilter(object, f)));
}
