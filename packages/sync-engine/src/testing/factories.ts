import type { CanonicalCustomer } from '../records/canonical-customer.ts';
import type { CanonicalInvoice, CanonicalInvoiceLine } from '../records/canonical-invoice.ts';
import type { CanonicalPayment } from '../records/canonical-payment.ts';
import type { CanonicalProduct } from '../records/canonical-product.ts';
import type { RecordOf, SideRecord } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import { invoiceTotal, lineAmount } from '../rules/line-amounts.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';
import {
  type PortalSettings,
  type PortalSettingsInput,
  portalSettingsSchema,
} from '../settings/portal-settings.ts';

// Factories for tests: plain data with sensible defaults, overridden per test.

export const T0 = '2026-01-01T00:00:00.000Z';
export const T1 = '2026-02-01T00:00:00.000Z';

export function settings(overrides: Partial<PortalSettingsInput> = {}): PortalSettings {
  const on = { enabled: true, direction: 'two_way' as const, syncStartedAt: T0 };
  return portalSettingsSchema.parse({
    portalId: 'p1',
    planTier: 'professional',
    customer: on,
    product: on,
    invoice: { ...on, customLineItemIncomeAccountId: 'acct-income' },
    ...overrides,
  });
}

export function company(overrides: Partial<CompanyProfile> = {}): CompanyProfile {
  return {
    country: 'US',
    homeCurrency: 'USD',
    multiCurrencyEnabled: false,
    revenueRecognitionEnabled: false,
    customTransactionNumbers: false,
    bookCloseDate: null,
    ...overrides,
  };
}

export function customer(overrides: Partial<CanonicalCustomer> = {}): CanonicalCustomer {
  return {
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyName: 'Analytical Engines',
    displayName: null,
    phone: null,
    currency: null,
    billingAddress: null,
    active: true,
    ...overrides,
  };
}

export function product(overrides: Partial<CanonicalProduct> = {}): CanonicalProduct {
  return {
    name: 'Widget',
    sku: 'W-1',
    description: null,
    unitPrice: '10.00',
    active: true,
    incomeAccountId: null,
    ...overrides,
  };
}

export function line(currency: string, overrides: Partial<CanonicalInvoiceLine> = {}): CanonicalInvoiceLine {
  const base = {
    productId: null,
    description: 'Consulting',
    quantity: '2',
    unitPrice: '50.00',
    discount: null,
    serviceDate: null,
    taxCodeId: null,
    ...overrides,
  };
  return { ...base, amount: overrides.amount ?? lineAmount(base, currency) };
}

export function invoice(overrides: Partial<CanonicalInvoice> = {}): CanonicalInvoice {
  const currency = overrides.currency ?? 'USD';
  const lines = overrides.lines ?? [line(currency)];
  const total = invoiceTotal(lines, currency);
  return {
    number: 'INV-1',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    currency,
    customerId: null,
    status: 'open',
    source: 'hubspot',
    comments: null,
    lines,
    total,
    balance: total,
    customFields: {},
    ...overrides,
  };
}

export function payment(overrides: Partial<CanonicalPayment> = {}): CanonicalPayment {
  return {
    amount: '100.00',
    currency: 'USD',
    date: '2026-03-05',
    method: 'card',
    reference: null,
    customerId: null,
    appliedTo: [],
    ...overrides,
  };
}

export function sideRecord<O extends SyncObject>(
  side: Side,
  object: O,
  id: string,
  record: RecordOf<O>,
  extra: Partial<Omit<SideRecord<O>, 'side' | 'object' | 'id' | 'record'>> = {},
): SideRecord<O> {
  return { side, object, id, version: '1', createdAt: T1, updatedAt: T1, record, ...extra };
}
