import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import type { BackendClient } from './app/shared/api/backend-client.ts';
import { type ApiRoute, apiRoutes } from './app/shared/api/generated/api-contract.ts';

// Every function of every `*-api.ts` module calls one route of the server's contract: this runs
// each with a client that records the call and checks the method, path, query, body and answer
// schema against the route table generated from the server's OpenAPI document. A route renamed
// on the server, once the contract is regenerated, fails here.

const APP = fileURLToPath(new URL('./app/', import.meta.url));
const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const MAPPING = {
  hubspot: { property: 'hs_purchase_order_number', label: 'PO number', type: 'string' },
  quickbooks: { field: 'CustomField:1', label: 'PO', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
};

/** The arguments after the client each API function is called with here. */
const SAMPLE_ARGUMENTS: Record<string, unknown[]> = {
  getInvoiceCard: ['123'],
  resyncInvoice: ['123'],
  getSettings: [],
  updateObjectSettings: ['invoice', { enabled: true, direction: 'two_way' }],
  updateDisabledFields: ['invoice', ['dueDate']],
  getFieldCatalogue: [],
  addCustomMapping: [MAPPING],
  editCustomMapping: ['m-1', MAPPING],
  deleteCustomMapping: ['m-1'],
  saveInboundFilters: [[{ kind: 'primary', field: 'issueDate', operator: 'gte', value: '2026-01-01' }]],
  addRecommendedInboundFilter: [],
  saveRecordFilters: [
    'customer',
    [{ kind: 'property', side: 'hubspot', field: 'email', operator: 'contains', value: '@client.com' }],
  ],
  addRecommendedContactFilter: [],
  searchQuickBooksCustomers: ['Acme'],
  getIncomeAccounts: [],
  setCustomLineItemAccount: ['79'],
  getTaxCodes: [],
  saveTaxMapping: ['TAX'],
  removeTaxMapping: [],
  getRecommendations: [],
  startQuickBooksConnect: [],
  disconnectQuickBooks: [],
  getOverview: [],
  getRecords: [
    {
      object: 'invoice',
      status: 'failed',
      errorCode: 'duplicate_display_name',
      direction: 'hubspot_to_quickbooks',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-31T23:59:59Z',
      page: 2,
      pageSize: 25,
      columns: ['object', 'status'],
    },
  ],
  getRecordActivity: [UUID],
  startBackfill: [{ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }],
  getBackfill: [UUID],
  createExportLink: [],
  getFirstSyncEstimate: ['customer', 'quickbooks_to_hubspot'],
  getFirstSyncs: [],
  startFirstSync: ['product'],
  cancelFirstSync: [UUID],
};

interface RecordedCall {
  method: string;
  path: string;
  schema: unknown;
  body: unknown;
}

function apiModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : apiModules(path);
    return entry.name.endsWith('-api.ts') ? [path] : [];
  });
}

async function recordCall(fn: (client: BackendClient, ...args: unknown[]) => unknown, args: unknown[]) {
  const calls: RecordedCall[] = [];
  const client: BackendClient = {
    async request(method, path, schema, body) {
      calls.push({ method, path, schema, body });
      return { ok: false, error: { kind: 'unreachable' } };
    },
  };
  await fn(client, ...args);
  return calls;
}

/** The route whose method and path template (`{name}` segments) the call matches, with its path values. */
function routeFor(call: RecordedCall): { key: ApiRoute; params: Record<string, string> } | null {
  const [path = ''] = call.path.split('?');
  for (const key of Object.keys(apiRoutes) as ApiRoute[]) {
    const [method, template = ''] = key.split(' ');
    if (method !== call.method) continue;
    const names: string[] = [];
    const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match) {
      return {
        key,
        params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')])),
      };
    }
  }
  return null;
}

/** Query values travel as text; a number the route expects is sent as its decimal text. */
function queryOf(path: string, schema: z.ZodObject): Record<string, unknown> {
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  return Object.fromEntries(
    [...params].map(([key, text]) => {
      const field = schema.shape[key];
      const asNumber = Number(text);
      const fitsAsText = field?.safeParse(text).success ?? true;
      return [key, !fitsAsText && text !== '' && !Number.isNaN(asNumber) ? asNumber : text];
    }),
  );
}

const modules = await Promise.all(
  apiModules(APP).map(async (file) => ({
    file: relative(APP, file),
    exports: (await import(file)) as Record<string, unknown>,
  })),
);
const functions = modules.flatMap(({ file, exports }) =>
  Object.entries(exports)
    .filter(
      (entry): entry is [string, (client: BackendClient, ...args: unknown[]) => unknown] =>
        typeof entry[1] === 'function',
    )
    .map(([name, fn]) => ({ file, name, fn })),
);

describe('the UI API functions against the generated route table', () => {
  it('finds the API modules of the card and the settings page', () => {
    expect(modules.map((m) => m.file)).toEqual(
      expect.arrayContaining([
        'cards/invoice-sync/invoice-sync-api.ts',
        'shared/api/overview-api.ts',
        'shared/api/settings-api.ts',
      ]),
    );
    // A new API function needs sample arguments here before it can be checked.
    expect(Object.keys(SAMPLE_ARGUMENTS).sort()).toEqual(functions.map((f) => f.name).sort());
  });

  it.each(functions)(
    '$file $name calls a route of the contract as the server declares it',
    async ({ name, fn }) => {
      const calls = await recordCall(fn, SAMPLE_ARGUMENTS[name] ?? []);
      expect(calls).toHaveLength(1);
      const [call] = calls as [RecordedCall];
      const found = routeFor(call);
      if (!found)
        throw new Error(`${name} calls ${call.method} ${call.path}: the server's contract has no such route`);
      const route: { params?: z.ZodType; query?: z.ZodObject; body?: z.ZodType; response: z.ZodType } =
        apiRoutes[found.key];
      expect(call.schema).toBe(route.response);
      if (route.params) expect(route.params.parse(found.params)).toEqual(found.params);
      if (route.query) route.query.parse(queryOf(call.path, route.query));
      else expect(call.path).not.toContain('?');
      if (route.body) route.body.parse(call.body);
      else expect(call.body).toBeUndefined();
    },
  );

  it('a path the server does not serve matches no route', () => {
    expect(
      routeFor({ method: 'GET', path: '/api/v1/invoices/123/cards', schema: null, body: undefined }),
    ).toBeNull();
    expect(routeFor({ method: 'PATCH', path: '/api/v1/settings', schema: null, body: undefined })).toBeNull();
  });
});
