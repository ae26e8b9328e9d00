import type { CanonicalCustomer } from '../records/canonical-customer.ts';
import type { CanonicalProduct } from '../records/canonical-product.ts';
import type { SideRecord } from '../records/side-record.ts';
import {
  CUSTOM_FIELD_PREFIX,
  type HubSpotContactFilterFieldName,
  type HubSpotProductFilterFieldName,
  type InboundInvoiceFilterFieldName,
  type QuickBooksCustomerFilterFieldName,
  type QuickBooksProductFilterFieldName,
} from './filter-catalogue.ts';

export type FilterScalar = string | number | boolean | null;

// One reader per catalogue name; the Record types make a catalogue field without a reader a
// compile error, so the engine can evaluate every field the settings page offers.

const INVOICE: Readonly<Record<InboundInvoiceFilterFieldName, (i: SideRecord<'invoice'>) => FilterScalar>> = {
  createdAt: (i) => i.createdAt,
  issueDate: (i) => i.record.issueDate,
  dueDate: (i) => i.record.dueDate,
  total: (i) => i.record.total,
  balance: (i) => i.record.balance,
  currency: (i) => i.record.currency,
  status: (i) => i.record.status,
  customer: (i) => i.record.customerId,
  number: (i) => i.record.number,
};

const QUICKBOOKS_CUSTOMER: Readonly<
  Record<QuickBooksCustomerFilterFieldName, (c: CanonicalCustomer) => FilterScalar>
> = {
  active: (c) => c.active,
  displayName: (c) => c.displayName,
  companyName: (c) => c.companyName,
  email: (c) => c.email,
  firstName: (c) => c.firstName,
  lastName: (c) => c.lastName,
  phone: (c) => c.phone,
  currency: (c) => c.currency,
  country: (c) => c.billingAddress?.country ?? null,
};

const QUICKBOOKS_PRODUCT: Readonly<
  Record<QuickBooksProductFilterFieldName, (p: SideRecord<'product'>) => FilterScalar>
> = {
  active: (p) => p.record.active,
  // Not part of the canonical product (HubSpot has no item type): the adapter hands it over.
  type: (p) => p.filterValues?.type ?? null,
  name: (p) => p.record.name,
  sku: (p) => p.record.sku,
  unitPrice: (p) => p.record.unitPrice,
  description: (p) => p.record.description,
};

const HUBSPOT_CONTACT: Readonly<
  Record<HubSpotContactFilterFieldName, (c: CanonicalCustomer) => FilterScalar>
> = {
  email: (c) => c.email,
  firstname: (c) => c.firstName,
  lastname: (c) => c.lastName,
  company: (c) => c.companyName,
  phone: (c) => c.phone,
  city: (c) => c.billingAddress?.city ?? null,
  state: (c) => c.billingAddress?.region ?? null,
  zip: (c) => c.billingAddress?.postalCode ?? null,
  country: (c) => c.billingAddress?.country ?? null,
};

const HUBSPOT_PRODUCT: Readonly<
  Record<HubSpotProductFilterFieldName, (p: CanonicalProduct) => FilterScalar>
> = {
  name: (p) => p.name,
  hs_sku: (p) => p.sku,
  price: (p) => p.unitPrice,
  description: (p) => p.description,
};

const read = <T>(table: Readonly<Record<string, (r: T) => FilterScalar>>, name: string, r: T) =>
  Object.hasOwn(table, name) ? (table[name] as (r: T) => FilterScalar)(r) : undefined;

/** An inbound invoice's value for a catalogue field; `undefined` when the name is not in the catalogue. */
export function invoiceFilterValue(invoice: SideRecord<'invoice'>, name: string): FilterScalar | undefined {
  if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
    const v = invoice.record.customFields[name];
    return v === undefined || v === null ? null : v.value;
  }
  return read(INVOICE, name, invoice);
}

/** A QBO customer's value, for customer rules and "associated with customer" invoice filters. */
export function quickbooksCustomerFilterValue(c: CanonicalCustomer, name: string): FilterScalar | undefined {
  return read(QUICKBOOKS_CUSTOMER, name, c);
}

export function customerFilterValue(
  side: 'hubspot' | 'quickbooks',
  c: CanonicalCustomer,
  name: string,
): FilterScalar | undefined {
  return side === 'hubspot' ? read(HUBSPOT_CONTACT, name, c) : read(QUICKBOOKS_CUSTOMER, name, c);
}

export function productFilterValue(p: SideRecord<'product'>, name: string): FilterScalar | undefined {
  return p.side === 'hubspot' ? read(HUBSPOT_PRODUCT, name, p.record) : read(QUICKBOOKS_PRODUCT, name, p);
}
