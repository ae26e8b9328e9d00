import type { BuiltInSpec } from './property-definition.ts';

const ro = (type: BuiltInSpec['type'] = 'string'): BuiltInSpec => ({ type, readOnly: true });
const num: BuiltInSpec = { type: 'number' };
const dt: BuiltInSpec = { type: 'datetime' };
const date: BuiltInSpec = { type: 'date' };

/** Maintained on every object; the API never accepts writes to them. */
const COMMON: Record<string, BuiltInSpec> = {
  hs_object_id: { type: 'number', readOnly: true, unique: true },
  hs_createdate: ro('datetime'),
  hs_lastmodifieddate: ro('datetime'),
  hs_object_source: ro(),
  hs_object_source_id: ro(),
  hs_object_source_label: ro(),
  hs_created_by_user_id: ro('number'),
  hs_updated_by_user_id: ro('number'),
};

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'voided'] as const;
export const PAYMENT_STATUSES = [
  'succeeded',
  'processing',
  'failed',
  'refunded',
  'partially_refunded',
] as const;
/** HubSpot documents hs_payment_method_type as an enumeration with these values. */
export const PAYMENT_METHOD_TYPES = [
  'card',
  'ach',
  'cash',
  'check',
  'wire_transfer',
  'other',
  'sepa',
  'bacs',
  'pads',
] as const;

/**
 * `hs_invoice_source`: HubSpot's knowledge base names the sources "HubSpot", "Data Sync" and
 * "Legacy QuickBooks integration" (labels only); the values, and the "API" source of invoices an
 * app creates, are this emulator's choice (README § Facts not confirmed).
 */
export const INVOICE_SOURCES = [
  { value: 'hubspot', label: 'HubSpot' },
  { value: 'data_sync', label: 'Data Sync' },
  { value: 'legacy_quickbooks', label: 'Legacy QuickBooks integration' },
  { value: 'api', label: 'API' },
];

/** Built-in properties per object type name: names and enums as documented or, where not, as chosen in README. */
export const BUILT_IN_PROPERTIES: Record<string, Record<string, BuiltInSpec>> = {
  contacts: {
    ...COMMON,
    email: { unique: true },
    firstname: {},
    lastname: {},
    phone: { type: 'phone_number' },
    company: {},
    address: {},
    city: {},
    zip: {},
    country: {},
    createdate: ro('datetime'),
    lastmodifieddate: ro('datetime'),
    hs_merged_object_ids: ro(),
  },
  companies: {
    ...COMMON,
    name: {},
    domain: {},
    phone: { type: 'phone_number' },
    address: {},
    city: {},
    country: {},
    createdate: ro('datetime'),
  },
  deals: {
    ...COMMON,
    dealname: {},
    amount: num,
    dealstage: {},
    pipeline: {},
    closedate: dt,
    deal_currency_code: {},
    createdate: ro('datetime'),
  },
  products: {
    ...COMMON,
    name: {},
    description: {},
    price: num,
    hs_sku: {},
    hs_cost_of_goods_sold: num,
    tax: num,
  },
  line_items: {
    ...COMMON,
    name: {},
    description: {},
    quantity: num,
    price: num,
    amount: ro('number'),
    discount: num,
    hs_discount_percentage: num,
    hs_sku: {},
    hs_product_id: num,
    hs_line_item_currency_code: {},
    hs_tax_rate_group_id: {},
    hs_position_on_quote: num,
  },
  invoices: {
    ...COMMON,
    hs_currency: {},
    hs_invoice_status: { type: 'enumeration', options: [...INVOICE_STATUSES] },
    hs_number: ro(),
    hs_title: {},
    hs_comments: {},
    hs_purchase_order_number: { label: 'Purchase order number' },
    hs_invoice_date: date,
    hs_due_date: date,
    hs_tax_id: {},
    hs_invoice_source: {
      type: 'enumeration',
      readOnly: true,
      label: 'Invoice source',
      options: INVOICE_SOURCES,
    },
    hs_amount_billed: ro('number'),
    hs_amount_paid: ro('number'),
    hs_balance_due: ro('number'),
    hs_subtotal: ro('number'),
    hs_invoice_link: ro(),
    hs_voided_date: ro('datetime'),
    hs_finalized_date: ro('datetime'),
  },
  commerce_payments: {
    ...COMMON,
    hs_initial_amount: num,
    hs_initiated_date: dt,
    hs_latest_status: { type: 'enumeration', options: [...PAYMENT_STATUSES] },
    hs_currency_code: {},
    hs_customer_email: {},
    hs_payment_method_type: { type: 'enumeration', options: [...PAYMENT_METHOD_TYPES] },
    hs_reference_number: {},
    hs_internal_comment: {},
    hs_net_amount: ro('number'),
  },
};
