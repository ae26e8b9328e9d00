import type { SideRecord } from '../records/side-record.ts';
import type { PortalSettings, RecordFilter } from '../settings/portal-settings.ts';
import { checkRecordFilter } from './check-filter.ts';
import { describeFilter } from './describe-filter.ts';
import { customerFilterValue, type FilterScalar, productFilterValue } from './filter-field-values.ts';
import { type FilterResult, INCLUDED } from './filter-result.ts';
import { filterProductBySku } from './product-sku-filter.ts';
import { testOperator } from './test-operator.ts';

/** What a contact filter needs to know beyond the record itself. */
export interface CustomerFilterFacts {
  /** The contact is the billing contact of an invoice that is synced or being synced now. */
  readonly isBillingContactOfSyncedInvoice: boolean;
}

export const BILLING_CONTACT_FILTER_LABEL = 'Only contacts that are the billing contact of a synced invoice';

function applyFilters(
  record: SideRecord<'customer'> | SideRecord<'product'>,
  filters: readonly RecordFilter[],
  value: (field: string) => FilterScalar | undefined,
  facts: CustomerFilterFacts | null,
): FilterResult {
  for (const filter of filters) {
    // Unevaluable filters are skipped, as for invoices: the settings page names them as broken.
    const checked = checkRecordFilter(record.object, filter);
    if (!checked.ok) continue;
    const f = checked.filter;
    if (f.kind === 'billing_contact_of_synced_invoice') {
      if (record.side !== 'hubspot' || facts === null || facts.isBillingContactOfSyncedInvoice) continue;
      return { included: false, exclusion: { reason: 'filtered', detail: BILLING_CONTACT_FILTER_LABEL } };
    }
    if (f.side !== record.side || checked.field === null) continue;
    if (!testOperator(value(f.field) ?? null, f.operator, f.value, checked.field.type)) {
      return {
        included: false,
        exclusion: { reason: 'filtered', detail: describeFilter(checked.field, f.operator, f.value) },
      };
    }
  }
  return INCLUDED;
}

/**
 * R-FLT-5: whether a contact (HubSpot) or customer (QBO) with no counterpart yet may be created on
 * the other side. Every filter of its side must pass. Live passes and the first sync both ask here.
 */
export function customerFilterDecision(
  record: SideRecord<'customer'>,
  settings: PortalSettings,
  facts: CustomerFilterFacts,
): FilterResult {
  return applyFilters(
    record,
    settings.customer.filters,
    (field) => customerFilterValue(record.side, record.record, field),
    facts,
  );
}

/** R-FLT-3, R-FLT-5: the SKU rule first, then the product rule's filters of the record's side. */
export function productFilterDecision(record: SideRecord<'product'>, settings: PortalSettings): FilterResult {
  const sku = filterProductBySku(record, settings.product.requireSku);
  if (!sku.included) return sku;
  return applyFilters(record, settings.product.filters, (field) => productFilterValue(record, field), null);
}
