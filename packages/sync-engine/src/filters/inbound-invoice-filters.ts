import type { CanonicalCustomer } from '../records/canonical-customer.ts';
import type { SideRecord } from '../records/side-record.ts';
import type { InboundFilter } from '../settings/portal-settings.ts';
import { checkInboundFilter } from './check-filter.ts';
import { describeFilter } from './describe-filter.ts';
import { invoiceFilterValue, quickbooksCustomerFilterValue } from './filter-field-values.ts';
import { type FilterResult, INCLUDED } from './filter-result.ts';
import { testOperator } from './test-operator.ts';

/**
 * R-FLT-2: every filter the engine can evaluate must pass (AND); no filters → every QBO invoice
 * passes. `customer` is the invoice's QBO customer, for "associated with" filters.
 *
 * A filter it cannot evaluate (a field outside the catalogue, saved by an older version) is not
 * applied: treating its value as empty would leave out every invoice without a word, and an
 * admin would rather see "this filter is broken" on the settings page, which lists it, than lose
 * invoices that an excluded record never gets back (exclusions are not revisited).
 */
export function filterInboundInvoice(
  invoice: SideRecord<'invoice'>,
  customer: CanonicalCustomer | null,
  filters: readonly InboundFilter[],
): FilterResult {
  for (const stored of filters) {
    const checked = checkInboundFilter(stored);
    if (!checked.ok || checked.field === null) continue;
    const f = checked.filter;
    const actual =
      f.kind === 'primary'
        ? (invoiceFilterValue(invoice, f.field) ?? null)
        : customer === null
          ? null
          : (quickbooksCustomerFilterValue(customer, f.field) ?? null);
    if (!testOperator(actual, f.operator, f.value, checked.field.type)) {
      const words = describeFilter(checked.field, f.operator, f.value);
      return {
        included: false,
        exclusion: { reason: 'filtered', detail: f.kind === 'primary' ? words : `Customer's ${words}` },
      };
    }
  }
  return INCLUDED;
}
