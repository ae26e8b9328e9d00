import {
  createQuickBooksClient,
  createQuickBooksOAuth,
  createQuickBooksRecordCounter,
  type IntuitOAuthEndpoints,
  QboQuery,
  type QboTokenSet,
  type RealmLimiters,
  readCompanySnapshot,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import type { QuickBooksGateway, QuickBooksTokenGrant } from '../ports/quickbooks-gateway.ts';

export interface QuickBooksPackageGatewayOptions {
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  environment: 'sandbox' | 'production';
  endpoints?: IntuitOAuthEndpoints;
  fetch?: typeof fetch;
  /** The realms' budgets the worker spends too, so the server's calls count against the same limits. */
  limiters?: RealmLimiters;
}

const grant = (t: QboTokenSet): QuickBooksTokenGrant => ({
  accessToken: t.accessToken,
  refreshToken: t.refreshToken,
  accessTokenExpiresAt: new Date(t.accessTokenExpiresAt),
  refreshTokenExpiresAt: new Date(t.refreshTokenExpiresAt),
});

/** The server's QBO port over `@ledgersync/quickbooks` (intuit-oauth, REST client). */
export function createQuickBooksPackageGateway(options: QuickBooksPackageGatewayOptions): QuickBooksGateway {
  const oauth = createQuickBooksOAuth({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    environment: options.environment,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
  });
  const client = (realmId: string, accessToken: string) =>
    createQuickBooksClient({
      baseUrl: options.apiBaseUrl,
      realmId,
      tokens: staticAccessToken(accessToken),
      ...(options.limiters ? { limiter: options.limiters.forRealm(realmId) } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  return {
    authorizeUrl: (state) => oauth.authorizeUrl(state),
    exchangeCode: async (code, realmId) => grant(await oauth.exchangeCode(code, realmId)),
    refresh: async (realmId, refreshToken) => grant(await oauth.refresh(realmId, refreshToken)),
    revoke: (token) => oauth.revoke(token),
    company: (realmId, accessToken) => readCompanySnapshot(client(realmId, accessToken)),
    recordCounter: (realmId, accessToken) => createQuickBooksRecordCounter(client(realmId, accessToken)),
    async listIncomeAccounts(realmId, accessToken) {
      const qbo = client(realmId, accessToken);
      const accounts = [];
      for await (const a of qbo.queryAll(QboQuery.select('Account').where('AccountType', '=', 'Income'))) {
        if ((a as { Active?: unknown }).Active !== false)
          accounts.push({ id: String(a.Id), name: String(a.Name) });
      }
      return accounts;
    },
    async searchCustomers(realmId, accessToken, text) {
      const query = QboQuery.select('Customer').whereContains('DisplayName', text).orderBy('DisplayName');
      const page = await client(realmId, accessToken).queryPage(query, 1, 20);
      return page.entities.map((c) => ({ id: String(c.Id), name: String(c.DisplayName ?? c.Id) }));
    },
    async listTaxCodes(realmId, accessToken) {
      const qbo = client(realmId, accessToken);
      const codes = [];
      for await (const c of qbo.queryAll(QboQuery.select('TaxCode'))) {
        const code = c as { Id: unknown; Name: unknown; Description?: unknown; Active?: unknown };
        if (code.Active === false || code.Active === 'false') continue;
        codes.push({
          id: String(code.Id),
          name: String(code.Name),
          description: typeof code.Description === 'string' ? code.Description : null,
        });
      }
      return codes;
    },
  };
}
