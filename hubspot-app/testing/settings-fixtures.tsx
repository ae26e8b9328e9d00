import type {
  ObjectSettings,
  OverviewResponse,
  RecordColumn,
  RecordRow,
  SettingsResponse,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { LedgerSyncSettings } from '../src/app/settings/LedgerSyncSettings.tsx';
import { createTestRenderer } from './create-test-renderer.ts';
import { BACKEND_URL, type FakeHubSpotFetch } from './fake-hubspot-fetch.ts';

export function objectSettings(
  object: ObjectSettings['object'],
  overrides: Partial<ObjectSettings> = {},
): ObjectSettings {
  return {
    object,
    direction: 'two_way',
    enabled: false,
    conflictResolution: 'hubspot',
    syncStartedAt: null,
    defaultMappings: [
      {
        key: 'number',
        label: 'Invoice number',
        hubspotProperty: 'hs_number',
        quickbooksField: 'DocNumber',
        flow: 'two_way',
        canDisable: false,
        enabled: true,
      },
      {
        key: 'dueDate',
        label: 'Due date',
        hubspotProperty: 'hs_due_date',
        quickbooksField: 'DueDate',
        flow: 'two_way',
        canDisable: true,
        enabled: true,
      },
    ],
    filters: [],
    filterChecks: [],
    recommendedFilter:
      object === 'customer'
        ? {
            label: 'Only contacts that are the billing contact of a synced invoice',
            filter: { kind: 'billing_contact_of_synced_invoice' },
          }
        : null,
    ...overrides,
  };
}

export function settingsResponse(overrides: Partial<SettingsResponse> = {}): SettingsResponse {
  return {
    portal: { hubId: '42', planTier: 'professional' },
    connection: {
      status: 'connected',
      realmId: '9130',
      companyName: 'Acme Ltd',
      country: 'US',
      homeCurrency: 'USD',
      connectedAt: '2026-01-01T00:00:00Z',
    },
    hubspot: { status: 'active' },
    objects: [objectSettings('product'), objectSettings('customer'), objectSettings('invoice')],
    invoice: {
      customMappings: [],
      customMappingsLocked: { locked: false, reason: null },
      outboundFilters: [
        { id: 'source_hubspot', label: 'Invoice source is HubSpot' },
        { id: 'not_draft', label: 'Invoice is finalized (not a draft)' },
        { id: 'after_sync_start', label: 'Created or modified after invoice sync was turned on' },
      ],
      inboundFilters: [],
      inboundFilterChecks: [],
      recommendedInboundFilter: {
        label: 'Only invoices created in QuickBooks after this filter is added',
        filter: { kind: 'primary', field: 'createdAt', operator: 'gt', value: '2026-03-01T09:00:00.000Z' },
      },
      customLineItemIncomeAccountId: null,
      taxMapping: null,
    },
    ...overrides,
  };
}

export const FIELD_CATALOGUE = {
  hubspot: [
    { name: 'hs_purchase_order_number', label: 'PO number', type: 'string', readOnly: false },
    { name: 'hs_due_date', label: 'Due date', type: 'date', readOnly: false },
    { name: 'hs_amount_billed', label: 'Amount billed', type: 'number', readOnly: true },
  ],
  quickbooks: [
    { field: 'CustomField:1', label: 'PO', type: 'string', custom: true },
    { field: 'TotalAmt', label: 'Total', type: 'number', custom: false },
  ],
  // The server serves the engine's filter catalogue; a part of it, as the server answers.
  filters: {
    invoice: [
      {
        name: 'createdAt',
        label: 'Created date',
        type: 'datetime',
        operators: ['gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
      },
      {
        name: 'total',
        label: 'Amount',
        type: 'number',
        operators: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
      },
      {
        name: 'status',
        label: 'Status',
        type: 'enumeration',
        operators: ['in', 'not_in'],
        options: [
          { value: 'open', label: 'Open' },
          { value: 'paid', label: 'Paid' },
        ],
      },
      { name: 'customer', label: 'Customer', type: 'reference', operators: ['in', 'not_in'] },
    ],
    associatedCustomer: [
      { name: 'email', label: 'Email', type: 'string', operators: ['eq', 'contains', 'is_known'] },
    ],
    customer: {
      hubspot: [{ name: 'email', label: 'Email', type: 'string', operators: ['eq', 'contains', 'is_known'] }],
      quickbooks: [
        {
          name: 'active',
          label: 'Active',
          type: 'boolean',
          operators: ['eq'],
          options: [
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ],
        },
      ],
    },
    product: {
      hubspot: [{ name: 'price', label: 'Unit price', type: 'number', operators: ['gt', 'lt'] }],
      quickbooks: [{ name: 'name', label: 'Name', type: 'string', operators: ['eq', 'contains'] }],
    },
    operatorLabels: {
      eq: 'is',
      neq: 'is not',
      contains: 'contains',
      gt: 'is after',
      gte: 'is on or after',
      lt: 'is before',
      lte: 'is on or before',
      is_known: 'is known',
      is_unknown: 'is unknown',
      in: 'is any of',
      not_in: 'is none of',
    },
  },
};

/** A failed invoice of the record view, every column as the server answers it. */
export const RECORD_ROW: Omit<Required<RecordRow>, 'id'> = {
  object: 'invoice',
  status: 'failed',
  name: { object: 'invoice', name: '1042', detail: null },
  hubspotRecord: { id: '123', url: 'https://app.hubspot.com/contacts/42/record/0-53/123' },
  quickbooksRecord: { id: '77', url: 'https://app.qbo.intuit.com/app/invoice?txnId=77' },
  amount: { amount: '1250.50', currency: 'USD' },
  error: { code: 'duplicate_display_name', title: 'Duplicate display name', category: 'data' },
  exclusion: null,
  direction: 'hubspot_to_quickbooks',
  lastSyncedAt: '2026-03-04T14:15:00Z',
  updatedAt: '2026-03-04T14:20:00Z',
};

/** Registers the read routes every settings render makes, then renders the page. */
export function overviewResponse(overrides: Partial<OverviewResponse> = {}): OverviewResponse {
  return {
    objects: [
      { object: 'invoice', synced: 12, pending: 1, failing: 3, excluded: 2 },
      { object: 'customer', synced: 40, pending: 0, failing: 0, excluded: 0 },
    ],
    errors: [{ code: 'duplicate_display_name', title: 'Duplicate display name', category: 'data', count: 3 }],
    unknownInvoiceSources: { count: 4, sources: [{ detail: 'Stripe', count: 4 }] },
    ...overrides,
  };
}

export function renderSettings(
  backend: FakeHubSpotFetch,
  settings: SettingsResponse = settingsResponse(),
  overview: OverviewResponse = overviewResponse(),
) {
  backend.on('GET', '/api/v1/settings', { body: settings });
  backend.on('GET', '/api/v1/settings/recommendations', {
    body: {
      checks: [
        {
          id: 'custom_transaction_numbers',
          label: 'Custom transaction numbers are off',
          ok: false,
          warning: 'Turn off custom transaction numbers in QuickBooks.',
        },
        { id: 'closed_period_locked', label: 'Closed periods are locked', ok: true, warning: null },
        { id: 'revenue_recognition', label: 'Revenue recognition is off', ok: true, warning: null },
      ],
    },
  });
  backend.on('GET', '/api/v1/overview', { body: overview });
  backend.on('GET', '/api/v1/records', (call) => {
    const columns = (call.query.get('columns') ?? '').split(',') as RecordColumn[];
    return {
      body: {
        total: 60,
        page: Number(call.query.get('page')),
        pageSize: 25,
        columns,
        rows: [
          {
            id: `rec-${call.query.get('page')}`,
            ...Object.fromEntries(columns.map((c) => [c, RECORD_ROW[c]])),
          },
        ],
      },
    };
  });
  backend.on('GET', '/api/v1/settings/income-accounts', {
    body: {
      accounts: [
        { id: '79', name: 'Sales of Product Income' },
        { id: '80', name: 'Services' },
      ],
    },
  });
  backend.on('GET', '/api/v1/settings/field-catalogue', { body: FIELD_CATALOGUE });
  const renderer = createTestRenderer('settings');
  renderer.mocks.context.variables = { LEDGERSYNC_API_URL: BACKEND_URL };
  renderer.render(<LedgerSyncSettings />);
  return renderer;
}
