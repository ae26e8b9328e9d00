import type { Method } from './hubspot-fetch.ts';

/** The ids of one portal's data that an attacker on another portal might name. */
export interface PortalIds {
  invoiceId: string;
  recordId: string;
  backfillId: string;
  syncRunId: string;
  mappingId: string;
}

export interface ApiSample {
  path: string;
  body?: unknown;
}

/** How a route is protected, and for `/api` routes a request to it naming `ids`. */
export type RouteSecurity =
  | { kind: 'api'; method: Method; sample: (ids: PortalIds) => ApiSample }
  | { kind: 'hubspot-webhook' }
  | { kind: 'intuit-webhook' }
  | { kind: 'oauth-start' }
  | { kind: 'oauth-callback'; provider: 'hubspot' | 'quickbooks' }
  /** A short-lived signed download link (the token in the query is the only credential). */
  | { kind: 'export-link' }
  /** Deliberately public: liveness, readiness, metrics and the OpenAPI document. */
  | { kind: 'public' };

export const PO_MAPPING = {
  hubspot: { property: 'hs_purchase_order_number', label: 'x', type: 'string' },
  quickbooks: { field: 'CustomField:1', label: 'x', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
} as const;

const api = (method: Method, sample: (ids: PortalIds) => ApiSample): RouteSecurity => ({
  kind: 'api',
  method,
  sample,
});

/**
 * Every route the server serves, keyed `METHOD /path`. The suite checks Fastify's route tree
 * against it: a new route fails until someone says here how it is protected and how to call it,
 * and every `api` entry is then attacked by the signature and tenant tests. An entry for a route
 * that is no longer served fails too, so the catalogue cannot drift from the app.
 */
export const ROUTE_CATALOGUE: Record<string, RouteSecurity> = {
  'GET /healthz': { kind: 'public' },
  'GET /readyz': { kind: 'public' },
  'GET /docs': { kind: 'public' },
  'GET /docs/json': { kind: 'public' },
  // The API docs UI (@fastify/swagger-ui): its page, its own static files and the YAML document.
  'GET /docs/': { kind: 'public' },
  'GET /docs/*': { kind: 'public' },
  'GET /docs/static/index.html': { kind: 'public' },
  'GET /docs/static/swagger-initializer.js': { kind: 'public' },
  'GET /docs/yaml': { kind: 'public' },
  'GET /metrics': { kind: 'public' },
  'POST /webhooks/hubspot': { kind: 'hubspot-webhook' },
  'POST /webhooks/quickbooks': { kind: 'intuit-webhook' },
  'GET /oauth/hubspot/install': { kind: 'oauth-start' },
  'GET /oauth/hubspot/callback': { kind: 'oauth-callback', provider: 'hubspot' },
  // The connect link the admin's browser opens: only a live, signed, unbound state gets through.
  'GET /oauth/quickbooks/connect': { kind: 'oauth-start' },
  'GET /oauth/quickbooks/callback': { kind: 'oauth-callback', provider: 'quickbooks' },
  'GET /api/v1/invoices/:invoiceId/card': api('GET', (x) => ({
    path: `/api/v1/invoices/${x.invoiceId}/card`,
  })),
  'POST /api/v1/invoices/:invoiceId/resync': api('POST', (x) => ({
    path: `/api/v1/invoices/${x.invoiceId}/resync`,
  })),
  'GET /api/v1/settings': api('GET', () => ({ path: '/api/v1/settings' })),
  'PUT /api/v1/settings/objects/:object': api('PUT', () => ({
    path: '/api/v1/settings/objects/invoice',
    body: { conflictResolution: 'hubspot_wins' },
  })),
  'PUT /api/v1/settings/objects/:object/fields': api('PUT', () => ({
    path: '/api/v1/settings/objects/invoice/fields',
    body: { disabledFields: [] },
  })),
  'GET /api/v1/settings/field-catalogue': api('GET', () => ({ path: '/api/v1/settings/field-catalogue' })),
  'POST /api/v1/settings/custom-mappings': api('POST', () => ({
    path: '/api/v1/settings/custom-mappings',
    body: PO_MAPPING,
  })),
  'PUT /api/v1/settings/custom-mappings/:mappingId': api('PUT', (x) => ({
    path: `/api/v1/settings/custom-mappings/${x.mappingId}`,
    body: { ...PO_MAPPING, direction: 'hubspot_to_quickbooks' },
  })),
  'DELETE /api/v1/settings/custom-mappings/:mappingId': api('DELETE', (x) => ({
    path: `/api/v1/settings/custom-mappings/${x.mappingId}`,
  })),
  'PUT /api/v1/settings/custom-line-item-account': api('PUT', () => ({
    path: '/api/v1/settings/custom-line-item-account',
    body: { accountId: '79' },
  })),
  'PUT /api/v1/settings/inbound-filters': api('PUT', () => ({
    path: '/api/v1/settings/inbound-filters',
    body: { filters: [] },
  })),
  'POST /api/v1/settings/inbound-filters/recommended': api('POST', () => ({
    path: '/api/v1/settings/inbound-filters/recommended',
  })),
  'PUT /api/v1/settings/objects/:object/filters': api('PUT', () => ({
    path: '/api/v1/settings/objects/customer/filters',
    body: { filters: [] },
  })),
  'POST /api/v1/settings/objects/customer/filters/recommended': api('POST', () => ({
    path: '/api/v1/settings/objects/customer/filters/recommended',
  })),
  'GET /api/v1/settings/quickbooks-customers': api('GET', () => ({
    path: '/api/v1/settings/quickbooks-customers?search=Acme',
  })),
  'GET /api/v1/settings/tax-codes': api('GET', () => ({ path: '/api/v1/settings/tax-codes' })),
  'PUT /api/v1/settings/tax-mapping': api('PUT', () => ({
    path: '/api/v1/settings/tax-mapping',
    body: { defaultTaxCodeId: '1', byHubspotProductId: {} },
  })),
  'DELETE /api/v1/settings/tax-mapping': api('DELETE', () => ({ path: '/api/v1/settings/tax-mapping' })),
  'GET /api/v1/settings/income-accounts': api('GET', () => ({ path: '/api/v1/settings/income-accounts' })),
  'GET /api/v1/settings/recommendations': api('GET', () => ({ path: '/api/v1/settings/recommendations' })),
  'POST /api/v1/connections/quickbooks': api('POST', () => ({ path: '/api/v1/connections/quickbooks' })),
  'DELETE /api/v1/connections/quickbooks': api('DELETE', () => ({ path: '/api/v1/connections/quickbooks' })),
  'POST /api/v1/app/uninstall': api('POST', () => ({ path: '/api/v1/app/uninstall' })),
  'GET /api/v1/overview': api('GET', () => ({ path: '/api/v1/overview' })),
  'GET /api/v1/records': api('GET', () => ({ path: '/api/v1/records' })),
  'GET /api/v1/records/:recordId/activity': api('GET', (x) => ({
    path: `/api/v1/records/${x.recordId}/activity`,
  })),
  'POST /api/v1/backfills': api('POST', () => ({
    path: '/api/v1/backfills',
    body: { from: '2025-01-01T00:00:00.000Z', to: '2025-06-30T00:00:00.000Z' },
  })),
  'GET /api/v1/backfills': api('GET', () => ({ path: '/api/v1/backfills' })),
  'GET /api/v1/backfills/:backfillId': api('GET', (x) => ({ path: `/api/v1/backfills/${x.backfillId}` })),
  'GET /api/v1/first-syncs/estimate': api('GET', () => ({
    path: '/api/v1/first-syncs/estimate?object=customer',
  })),
  'POST /api/v1/first-syncs': api('POST', () => ({
    path: '/api/v1/first-syncs',
    body: { object: 'customer' },
  })),
  'GET /api/v1/first-syncs': api('GET', () => ({ path: '/api/v1/first-syncs' })),
  'POST /api/v1/first-syncs/:syncRunId/cancel': api('POST', (x) => ({
    path: `/api/v1/first-syncs/${x.syncRunId}/cancel`,
    body: {},
  })),
  'GET /api/v1/exports/historical-invoices.csv': api('GET', () => ({
    path: '/api/v1/exports/historical-invoices.csv',
  })),
  'POST /api/v1/exports/historical-invoices/link': api('POST', () => ({
    path: '/api/v1/exports/historical-invoices/link',
    body: {},
  })),
  'GET /exports/:hubId/historical-invoices.csv': { kind: 'export-link' },
};

export const apiRoutesOf = (catalogue: Record<string, RouteSecurity>) =>
  Object.entries(catalogue).flatMap(([key, s]) => (s.kind === 'api' ? [{ key, ...s }] : []));
