import type { FilterOperator, InboundFilter, RecordFilter } from '../settings/portal-settings.ts';
import {
  CUSTOM_FIELD_PREFIX,
  customFieldFilterField,
  type FilterField,
  INBOUND_INVOICE_FILTER_FIELDS,
  QUICKBOOKS_CUSTOMER_FILTER_FIELDS,
  recordFilterFields,
} from './filter-catalogue.ts';

/** Stable codes for a filter the engine cannot evaluate (R-FLT-2: refused, or shown as broken). */
export type FilterProblemCode =
  | 'unknown_filter_field'
  | 'operator_not_allowed'
  | 'invalid_filter_value'
  | 'filter_kind_not_allowed';

export interface FilterProblem {
  readonly code: FilterProblemCode;
  /** The field (or kind) at fault, as stored. */
  readonly field: string;
  readonly message: string;
  /** What would be accepted instead: field names, operators or values. */
  readonly allowed: readonly string[];
}

export type CheckedFilter<F> =
  | { readonly ok: true; readonly filter: F; readonly field: FilterField | null }
  | { readonly ok: false; readonly filter: F; readonly problem: FilterProblem };

// Filters saved before the catalogue existed used QuickBooks' own names (the old recommended
// filter stored TxnDate; the old examples DisplayName and PrimaryEmailAddr). Each maps to the
// catalogue field with the same meaning; customer fields become "associated with customer".
const LEGACY_INVOICE_FIELDS: Readonly<Record<string, string>> = {
  TxnDate: 'issueDate',
  DueDate: 'dueDate',
  TotalAmt: 'total',
  Balance: 'balance',
  CurrencyRef: 'currency',
  DocNumber: 'number',
  CreateTime: 'createdAt',
  'MetaData.CreateTime': 'createdAt',
  CustomerRef: 'customer',
};
const LEGACY_CUSTOMER_FIELDS: Readonly<Record<string, string>> = {
  DisplayName: 'displayName',
  PrimaryEmailAddr: 'email',
  CompanyName: 'companyName',
  GivenName: 'firstName',
  FamilyName: 'lastName',
  Active: 'active',
};

/** Renames a legacy field name to its catalogue name; other filters come back unchanged. */
export function migrateLegacyInboundFilter(filter: InboundFilter): InboundFilter {
  const invoiceField = LEGACY_INVOICE_FIELDS[filter.field];
  if (filter.kind === 'primary' && invoiceField !== undefined) return { ...filter, field: invoiceField };
  const customerField = LEGACY_CUSTOMER_FIELDS[filter.field];
  if (customerField === undefined) return filter;
  const { operator, value } = filter;
  return { kind: 'associated_with', association: 'customer', field: customerField, operator, value };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function valueProblem(
  field: FilterField,
  operator: FilterOperator,
  value: string | readonly string[] | null,
): string | null {
  if (operator === 'is_known' || operator === 'is_unknown') return null;
  const values = value === null ? [] : Array.isArray(value) ? value : [value as string];
  if (values.length === 0 || values.some((v) => v === '')) return `"${field.label}" needs a value`;
  const isList = operator === 'in' || operator === 'not_in';
  if (isList && !Array.isArray(value)) return `"${field.label}" needs a list of values`;
  if (!isList && Array.isArray(value)) return `"${field.label}" needs one value, not a list`;
  for (const v of values) {
    if (field.options && !field.options.some((o) => o.value === v)) {
      return `"${v}" is not a value of "${field.label}"; use one of ${field.options.map((o) => o.value).join(', ')}`;
    }
    if (field.type === 'number' && !DECIMAL.test(v)) return `"${field.label}" needs a number, not "${v}"`;
    if (field.type === 'date' && !DATE.test(v))
      return `"${field.label}" needs a date (YYYY-MM-DD), not "${v}"`;
    if (field.type === 'datetime' && Number.isNaN(Date.parse(v))) {
      return `"${field.label}" needs a date and time, not "${v}"`;
    }
  }
  return null;
}

function check<F>(
  filter: F,
  name: string,
  operator: FilterOperator,
  value: string | readonly string[] | null,
  fields: readonly FilterField[],
  where: string,
): CheckedFilter<F> {
  const field = fields.find((f) => f.name === name);
  if (!field) {
    const allowed = fields.map((f) => f.name);
    const message = `"${name}" is not a field ${where} can be filtered on; choose one of ${allowed.join(', ')}`;
    return { ok: false, filter, problem: { code: 'unknown_filter_field', field: name, message, allowed } };
  }
  if (!field.operators.includes(operator)) {
    const allowed = [...field.operators];
    const message = `"${operator}" does not fit "${field.label}" (${field.type}); use one of ${allowed.join(', ')}`;
    return { ok: false, filter, problem: { code: 'operator_not_allowed', field: name, message, allowed } };
  }
  const bad = valueProblem(field, operator, value);
  if (bad !== null) {
    const allowed = field.options?.map((o) => o.value) ?? [];
    return {
      ok: false,
      filter,
      problem: { code: 'invalid_filter_value', field: name, message: bad, allowed },
    };
  }
  return { ok: true, filter, field };
}

/**
 * Whether the engine can evaluate an inbound invoice filter, after migrating legacy names.
 * `customFields` are the company's QBO custom fields; null accepts any `CustomField:` name (the
 * engine evaluates them all alike, only the server knows which exist).
 */
export function checkInboundFilter(
  stored: InboundFilter,
  customFields: readonly FilterField[] | null = null,
): CheckedFilter<InboundFilter> {
  const filter = migrateLegacyInboundFilter(stored);
  if (filter.kind === 'associated_with') {
    return check(
      filter,
      filter.field,
      filter.operator,
      filter.value,
      QUICKBOOKS_CUSTOMER_FILTER_FIELDS,
      'a customer',
    );
  }
  const custom =
    customFields ??
    (filter.field.startsWith(CUSTOM_FIELD_PREFIX)
      ? [customFieldFilterField(filter.field.slice(CUSTOM_FIELD_PREFIX.length), filter.field)]
      : []);
  return check(
    filter,
    filter.field,
    filter.operator,
    filter.value,
    [...INBOUND_INVOICE_FILTER_FIELDS, ...custom],
    'a QuickBooks invoice',
  );
}

/** Whether the engine can evaluate a contact (customer) or product rule filter. */
export function checkRecordFilter(
  object: 'customer' | 'product',
  filter: RecordFilter,
): CheckedFilter<RecordFilter> {
  if (filter.kind === 'billing_contact_of_synced_invoice') {
    if (object === 'customer') return { ok: true, filter, field: null };
    const message = 'Only contact rules can keep "billing contacts of synced invoices"';
    return {
      ok: false,
      filter,
      problem: { code: 'filter_kind_not_allowed', field: filter.kind, message, allowed: ['property'] },
    };
  }
  const where = `${filter.side === 'hubspot' ? 'a HubSpot' : 'a QuickBooks'} ${object === 'customer' ? (filter.side === 'hubspot' ? 'contact' : 'customer') : filter.side === 'hubspot' ? 'product' : 'item'}`;
  return check(
    filter,
    filter.field,
    filter.operator,
    filter.value,
    recordFilterFields(object, filter.side),
    where,
  );
}
