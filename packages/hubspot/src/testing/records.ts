import type {
  CanonicalCustomer,
  CanonicalInvoice,
  CanonicalPayment,
  CanonicalProduct,
} from '@ledgersync/sync-engine';

// Factories for canonical records: each returns a valid record, overridable field by field.

export const aCustomer = (o: Partial<CanonicalCustomer> = {}): CanonicalCustomer => ({
  email: "o'brien@example.com",
  firstName: 'Aoife',
  lastName: "O'Brien",
  companyName: 'Brien & Co',
  displayName: null,
  phone: '+353 1 555 0100',
  currency: null,
  billingAddress: null,
  active: true,
  ...o,
});

export const aProduct = (o: Partial<CanonicalProduct> = {}): CanonicalProduct => ({
  name: 'Consulting hour',
  sku: 'CONS-1',
  description: 'One hour',
  unitPrice: '120.10',
  active: true,
  incomeAccountId: null,
  ...o,
});

export const anInvoice = (o: Partial<CanonicalInvoice> = {}): CanonicalInvoice => ({
  number: 'INV-1001',
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  currency: 'USD',
  customerId: null,
  status: 'open',
  source: 'integration',
  comments: 'Thanks',
  lines: [
    {
      productId: null,
      description: 'Setup',
      quantity: '3',
      unitPrice: '0.1',
      discount: null,
      serviceDate: null,
      amount: '0.30',
      taxCodeId: null,
    },
  ],
  total: '0.30',
  balance: '0.30',
  customFields: {},
  ...o,
});

export const aPayment = (o: Partial<CanonicalPayment> = {}): CanonicalPayment => ({
  amount: '0.30',
  currency: 'USD',
  date: '2026-03-05',
  method: null,
  reference: null,
  customerId: null,
  appliedTo: [],
  ...o,
});
