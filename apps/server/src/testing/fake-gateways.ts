import type { RecordCounter, Side } from '@ledgersync/sync-engine';
import type { HistoricalInvoice, HubSpotGateway, HubSpotPropertyInfo } from '../ports/hubspot-gateway.ts';
import type {
  QuickBooksCompanySnapshot,
  QuickBooksGateway,
  QuickBooksTaxCode,
} from '../ports/quickbooks-gateway.ts';

/** A side with no records: the fakes count nothing (the emulator tests count for real). */
const emptySide = (side: Side): RecordCounter => ({
  side,
  countRecords: async () => ({ ok: true, value: 0 }),
  countMatches: async () => ({ ok: true, value: 0 }),
  listNaturalKeys: async () => ({ ok: true, value: { keys: [], withoutKey: 0, nextPageToken: null } }),
});

/** An in-memory HubSpot: codes map to portals; records what the server asked for. */
export function fakeHubSpot(overrides: Partial<HubSpotGateway> = {}) {
  const codes = new Map<string, number>();
  const revoked: string[] = [];
  const propertiesEnsured: string[] = [];
  const properties: HubSpotPropertyInfo[] = [
    { name: 'hs_purchase_order_number', label: 'PO number', type: 'string', readOnly: false },
    { name: 'hs_due_date', label: 'Due date', type: 'date', readOnly: false },
    { name: 'hs_amount_billed', label: 'Amount billed', type: 'number', readOnly: true },
  ];
  /** Historical invoices per portal (hub id), served only to that portal's token. */
  const history = new Map<number, HistoricalInvoice[]>();
  const exportCalls: { accessToken: string; before: Date }[] = [];
  let n = 0;
  const gateway: HubSpotGateway = {
    async exchangeCode(code) {
      const hubId = codes.get(code);
      if (hubId === undefined) throw new Error('invalid_grant');
      codes.delete(code);
      n++;
      return {
        accessToken: `hs-at-${hubId}-${n}`,
        refreshToken: `hs-rt-${hubId}-${n}`,
        expiresInSeconds: 1800,
      };
    },
    async refresh(refreshToken) {
      n++;
      return { accessToken: `${refreshToken}-at${n}`, refreshToken, expiresInSeconds: 1800 };
    },
    async introspect(accessToken) {
      return { hubId: Number(accessToken.split('-')[2]), userId: '7', scopes: ['oauth'] };
    },
    async ensureAppProperties(accessToken) {
      propertiesEnsured.push(accessToken);
    },
    async readInvoiceSourceOptions() {
      return [
        { value: 'hubspot', label: 'HubSpot' },
        { value: 'data_sync', label: 'Data Sync' },
      ];
    },
    async listInvoiceProperties() {
      return properties;
    },
    async revokeRefreshToken(token) {
      revoked.push(token);
    },
    recordCounter: () => emptySide('hubspot'),
    async listInvoicesCreatedBefore(accessToken, before) {
      exportCalls.push({ accessToken, before });
      return history.get(Number(accessToken.split('-')[2])) ?? [];
    },
    ...overrides,
  };
  return {
    gateway,
    revoked,
    propertiesEnsured,
    properties,
    history,
    exportCalls,
    /** An authorization code HubSpot would send back after the admin approved on `hubId`. */
    issueCode(hubId: number): string {
      const code = `code-${hubId}-${codes.size}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, hubId);
      return code;
    },
  };
}

export const US_COMPANY: QuickBooksCompanySnapshot = {
  companyName: 'Acme Books',
  country: 'US',
  homeCurrency: 'USD',
  multiCurrencyEnabled: false,
  customTransactionNumbers: false,
  bookCloseDate: '2025-12-31',
  revenueRecognitionEnabled: false,
  invoiceCustomFields: [{ definitionId: '1', name: 'PO number' }],
};

/** An in-memory QBO: codes map to realms; companies are editable per realm. */
export function fakeQuickBooks(overrides: Partial<QuickBooksGateway> = {}) {
  const codes = new Set<string>();
  const companies = new Map<string, QuickBooksCompanySnapshot>();
  /** Active tax codes per realm; a realm not set has a Canadian company's codes. */
  const taxCodes = new Map<string, QuickBooksTaxCode[]>();
  const revoked: string[] = [];
  let n = 0;
  const tokens = (now: Date) => {
    n++;
    return {
      accessToken: `qb-at-${n}`,
      refreshToken: `qb-rt-${n}`,
      accessTokenExpiresAt: new Date(now.getTime() + 3600_000),
      refreshTokenExpiresAt: new Date(now.getTime() + 100 * 86_400_000),
    };
  };
  const gateway: QuickBooksGateway = {
    authorizeUrl: (state) =>
      `https://appcenter.intuit.example/connect/oauth2?state=${encodeURIComponent(state)}&redirect_uri=${encodeURIComponent('https://ledgersync.test/oauth/quickbooks/callback')}`,
    async exchangeCode(code, _realmId, now) {
      if (!codes.delete(code)) throw new Error('invalid_grant');
      return tokens(now);
    },
    async refresh(_realmId, _refreshToken, now) {
      return tokens(now);
    },
    async company(realmId) {
      return companies.get(realmId) ?? US_COMPANY;
    },
    async listIncomeAccounts() {
      return [
        { id: '79', name: 'Sales of Product Income' },
        { id: '1', name: 'Services' },
      ];
    },
    async searchCustomers(_realmId, _accessToken, text) {
      const all = [
        { id: '58', name: 'Acme Corp' },
        { id: '59', name: 'Acme Widgets' },
        { id: '60', name: 'Bolt Ltd' },
      ];
      return all.filter((c) => c.name.toLowerCase().includes(text.toLowerCase()));
    },
    async listTaxCodes(realmId) {
      return (
        taxCodes.get(realmId) ?? [
          { id: '4', name: 'GST', description: 'GST 5%' },
          { id: '5', name: 'HST ON', description: 'HST Ontario 13%' },
        ]
      );
    },
    async revoke(token) {
      revoked.push(token);
    },
    recordCounter: () => emptySide('quickbooks'),
    ...overrides,
  };
  return {
    gateway,
    companies,
    taxCodes,
    revoked,
    issueCode(): string {
      const code = `qcode-${codes.size}-${Math.random().toString(36).slice(2)}`;
      codes.add(code);
      return code;
    },
  };
}
