import { INVOICE_STATUSES } from '../records/canonical-invoice.ts';
import type { Side } from '../records/sync-object.ts';
import type { FilterOperator } from '../settings/portal-settings.ts';

/**
 * The one list of what an admin can filter on (R-FLT-2, R-FLT-5): the settings page offers these
 * fields, the server refuses anything else, and the engine evaluates exactly these names.
 */
export type FilterFieldType =
  | 'datetime'
  | 'date'
  | 'number'
  | 'string'
  | 'enumeration'
  | 'boolean'
  | 'reference';

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface FilterField {
  readonly name: string;
  /** In the words of the settings page ("Created date"), also used when an exclusion is explained. */
  readonly label: string;
  readonly type: FilterFieldType;
  readonly operators: readonly FilterOperator[];
  /** The allowed values of an enumeration or a boolean. */
  readonly options?: readonly FilterOption[];
}

export const OPERATORS_BY_TYPE: Readonly<Record<FilterFieldType, readonly FilterOperator[]>> = {
  datetime: ['gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
  string: ['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'in', 'not_in', 'is_known', 'is_unknown'],
  enumeration: ['in', 'not_in'],
  boolean: ['eq'],
  reference: ['in', 'not_in'],
};

/** How a criterion reads in a sentence ("Created date is after …"). */
export const OPERATOR_LABELS: Readonly<Record<FilterOperator, string>> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  gt: 'is after',
  gte: 'is on or after',
  lt: 'is before',
  lte: 'is on or before',
  is_known: 'is known',
  is_unknown: 'is unknown',
  in: 'is any of',
  not_in: 'is none of',
};

/** Numbers read better as "more than" than as "after". */
export function operatorLabel(operator: FilterOperator, type: FilterFieldType): string {
  if (type !== 'number') return OPERATOR_LABELS[operator];
  const numeric: Partial<Record<FilterOperator, string>> = {
    gt: 'is more than',
    gte: 'is at least',
    lt: 'is less than',
    lte: 'is at most',
  };
  return numeric[operator] ?? OPERATOR_LABELS[operator];
}

const field = (
  name: string,
  label: string,
  type: FilterFieldType,
  options?: readonly FilterOption[],
): FilterField => ({
  name,
  label,
  type,
  operators: OPERATORS_BY_TYPE[type],
  ...(options ? { options } : {}),
});

const YES_NO: readonly FilterOption[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

const STATUS_LABELS: Readonly<Record<(typeof INVOICE_STATUSES)[number], string>> = {
  draft: 'Draft',
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  voided: 'Voided',
};

/** QBO invoice fields, as HubSpot's own QuickBooks sync offers them for inbound filters. */
export const INBOUND_INVOICE_FILTER_FIELDS = [
  field('createdAt', 'Created date', 'datetime'),
  field('issueDate', 'Invoice date', 'date'),
  field('dueDate', 'Due date', 'date'),
  field('total', 'Amount', 'number'),
  field('balance', 'Balance', 'number'),
  field('currency', 'Currency', 'string'),
  field(
    'status',
    'Status',
    'enumeration',
    INVOICE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  ),
  field('customer', 'Customer', 'reference'),
  field('number', 'Invoice number', 'string'),
] as const satisfies readonly FilterField[];
export type InboundInvoiceFilterFieldName = (typeof INBOUND_INVOICE_FILTER_FIELDS)[number]['name'];

/** QBO custom fields are named as the mapping catalogue names them; their type is text. */
export const CUSTOM_FIELD_PREFIX = 'CustomField:';
export function customFieldFilterField(definitionId: string, name: string): FilterField {
  return field(`${CUSTOM_FIELD_PREFIX}${definitionId}`, name, 'string');
}

/** Fields of a QBO customer (R-FLT-5), also what an "associated with customer" filter tests. */
export const QUICKBOOKS_CUSTOMER_FILTER_FIELDS = [
  field('active', 'Active', 'boolean', YES_NO),
  field('displayName', 'Display name', 'string'),
  field('companyName', 'Company name', 'string'),
  field('email', 'Email', 'string'),
  field('firstName', 'First name', 'string'),
  field('lastName', 'Last name', 'string'),
  field('phone', 'Phone', 'string'),
  field('currency', 'Currency', 'string'),
  field('country', 'Billing country', 'string'),
] as const satisfies readonly FilterField[];
export type QuickBooksCustomerFilterFieldName = (typeof QUICKBOOKS_CUSTOMER_FILTER_FIELDS)[number]['name'];

/** QBO's item types, as its item list names them. */
const ITEM_TYPES: readonly FilterOption[] = [
  { value: 'Service', label: 'Service' },
  { value: 'Inventory', label: 'Inventory' },
  { value: 'NonInventory', label: 'Non-inventory' },
  { value: 'Bundle', label: 'Bundle' },
  { value: 'Group', label: 'Group' },
  { value: 'OtherCharge', label: 'Other charge' },
];

/** Fields of a QBO item (R-FLT-5). */
export const QUICKBOOKS_PRODUCT_FILTER_FIELDS = [
  field('active', 'Active', 'boolean', YES_NO),
  field('type', 'Type', 'enumeration', ITEM_TYPES),
  field('name', 'Name', 'string'),
  field('sku', 'SKU', 'string'),
  field('unitPrice', 'Sales price', 'number'),
  field('description', 'Description', 'string'),
] as const satisfies readonly FilterField[];
export type QuickBooksProductFilterFieldName = (typeof QUICKBOOKS_PRODUCT_FILTER_FIELDS)[number]['name'];

/** HubSpot contact properties LedgerSync reads, by their HubSpot names. */
export const HUBSPOT_CONTACT_FILTER_FIELDS = [
  field('email', 'Email', 'string'),
  field('firstname', 'First name', 'string'),
  field('lastname', 'Last name', 'string'),
  field('company', 'Company name', 'string'),
  field('phone', 'Phone number', 'string'),
  field('city', 'City', 'string'),
  field('state', 'State/Region', 'string'),
  field('zip', 'Postal code', 'string'),
  field('country', 'Country/Region', 'string'),
] as const satisfies readonly FilterField[];
export type HubSpotContactFilterFieldName = (typeof HUBSPOT_CONTACT_FILTER_FIELDS)[number]['name'];

/** HubSpot product properties LedgerSync reads, by their HubSpot names. */
export const HUBSPOT_PRODUCT_FILTER_FIELDS = [
  field('name', 'Name', 'string'),
  field('hs_sku', 'SKU', 'string'),
  field('price', 'Unit price', 'number'),
  field('description', 'Description', 'string'),
] as const satisfies readonly FilterField[];
export type HubSpotProductFilterFieldName = (typeof HUBSPOT_PRODUCT_FILTER_FIELDS)[number]['name'];

/** The fields a contact or product rule's filter may test on records read from `side`. */
export function recordFilterFields(object: 'customer' | 'product', side: Side): readonly FilterField[] {
  if (object === 'customer') {
    return side === 'hubspot' ? HUBSPOT_CONTACT_FILTER_FIELDS : QUICKBOOKS_CUSTOMER_FILTER_FIELDS;
  }
  return side === 'hubspot' ? HUBSPOT_PRODUCT_FILTER_FIELDS : QUICKBOOKS_PRODUCT_FILTER_FIELDS;
}
