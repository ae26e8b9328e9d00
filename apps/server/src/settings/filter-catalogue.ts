import {
  customFieldFilterField,
  type FilterField,
  INBOUND_INVOICE_FILTER_FIELDS,
  OPERATOR_LABELS,
  QUICKBOOKS_CUSTOMER_FILTER_FIELDS,
  recordFilterFields,
} from '@ledgersync/sync-engine';
import type { QuickBooksCompanySnapshot } from '../ports/quickbooks-gateway.ts';

/** The company's QBO invoice custom fields, as filter fields the engine evaluates. */
export function invoiceCustomFilterFields(company: QuickBooksCompanySnapshot): FilterField[] {
  return company.invoiceCustomFields.map((c) => customFieldFilterField(c.definitionId, c.name));
}

// The contract's arrays are mutable; the engine's constants are not.
const served = (fields: readonly FilterField[]) =>
  fields.map((f) => ({
    name: f.name,
    label: f.label,
    type: f.type,
    operators: [...f.operators],
    ...(f.options ? { options: f.options.map((o) => ({ ...o })) } : {}),
  }));

/** The engine's filter catalogue as the settings page picks from it (R-FLT-2, R-FLT-5). */
export function filterCatalogue(customFields: readonly FilterField[]) {
  return {
    invoice: served([...INBOUND_INVOICE_FILTER_FIELDS, ...customFields]),
    associatedCustomer: served(QUICKBOOKS_CUSTOMER_FILTER_FIELDS),
    customer: {
      hubspot: served(recordFilterFields('customer', 'hubspot')),
      quickbooks: served(recordFilterFields('customer', 'quickbooks')),
    },
    product: {
      hubspot: served(recordFilterFields('product', 'hubspot')),
      quickbooks: served(recordFilterFields('product', 'quickbooks')),
    },
    operatorLabels: { ...OPERATOR_LABELS },
  };
}
