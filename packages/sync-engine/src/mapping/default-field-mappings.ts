import type { SyncObject } from '../records/sync-object.ts';

/** Which way a field may flow. `read_only` fields are compared, never written (computed by a side). */
export type FieldFlow = 'two_way' | 'hubspot_to_quickbooks' | 'quickbooks_to_hubspot' | 'read_only';

/** How a value is carried across, for people reading the table (the code is in field-projection.ts). */
export type FieldTransform =
  | 'copy'
  | 'decimal'
  | 'customer_ref'
  | 'lines'
  | 'payment_applications'
  | 'address';

export interface DefaultFieldMapping {
  /** Stable key, also used in `disabledFields` settings and in plan `fields`. */
  readonly key: string;
  readonly label: string;
  readonly hubspotProperty: string;
  readonly quickbooksField: string;
  readonly flow: FieldFlow;
  readonly transform: FieldTransform;
  /** False for fields the sync cannot work without (R-MAP-3 lets the rest be switched off). */
  readonly canDisable: boolean;
}

const m = (
  key: string,
  label: string,
  hubspotProperty: string,
  quickbooksField: string,
  transform: FieldTransform = 'copy',
  canDisable = true,
  flow: FieldFlow = 'two_way',
): DefaultFieldMapping => ({ key, label, hubspotProperty, quickbooksField, flow, transform, canDisable });

/** R-MAP-3: the default mapped fields per object. The canonical field name is the key. */
export const DEFAULT_FIELD_MAPPINGS: Readonly<Record<SyncObject, readonly DefaultFieldMapping[]>> = {
  customer: [
    m('email', 'Email', 'email', 'PrimaryEmailAddr.Address', 'copy', false),
    m('firstName', 'First name', 'firstname', 'GivenName'),
    m('lastName', 'Last name', 'lastname', 'FamilyName'),
    m('companyName', 'Company name', 'company', 'CompanyName'),
    m('phone', 'Phone number', 'phone', 'PrimaryPhone.FreeFormNumber'),
    m('billingAddress', 'Billing address', 'address/city/state/zip/country', 'BillAddr', 'address'),
  ],
  product: [
    m('name', 'Name', 'name', 'Name', 'copy', false),
    m('sku', 'SKU', 'hs_sku', 'Sku', 'copy', false),
    m('description', 'Description', 'description', 'Description'),
    m('unitPrice', 'Unit price', 'price', 'UnitPrice', 'decimal'),
  ],
  invoice: [
    m('number', 'Invoice number', 'hs_number', 'DocNumber'),
    m('issueDate', 'Invoice date', 'hs_invoice_date', 'TxnDate'),
    m('dueDate', 'Due date', 'hs_due_date', 'DueDate'),
    m('currency', 'Currency', 'hs_currency', 'CurrencyRef', 'copy', false),
    m('customerId', 'Billing contact', 'association:contact', 'CustomerRef', 'customer_ref', false),
    m('comments', 'Comments', 'hs_comments', 'CustomerMemo'),
    m('lines', 'Line items', 'association:line_items', 'Line', 'lines', false),
    m('total', 'Amount billed', 'hs_amount_billed', 'TotalAmt', 'decimal', false, 'read_only'),
  ],
  payment: [
    m('amount', 'Amount', 'hs_initial_amount', 'TotalAmt', 'decimal', false),
    m('customerId', 'Customer', 'association:contact', 'CustomerRef', 'customer_ref', false),
    m('date', 'Payment date', 'hs_initiated_date', 'TxnDate'),
    m('method', 'Payment method', 'hs_payment_method_type', 'PaymentMethodRef'),
    m('reference', 'Reference', 'hs_reference_number', 'PaymentRefNum'),
    m(
      'appliedTo',
      'Applied to invoices',
      'association:invoices',
      'Line[].LinkedTxn',
      'payment_applications',
      false,
    ),
  ],
};

/** The mapped fields that take part in a sync, after the admin's toggles (R-MAP-3). */
export function enabledDefaultMappings(
  object: SyncObject,
  disabledFields: readonly string[],
): readonly DefaultFieldMapping[] {
  return DEFAULT_FIELD_MAPPINGS[object].filter((f) => !f.canDisable || !disabledFields.includes(f.key));
}
