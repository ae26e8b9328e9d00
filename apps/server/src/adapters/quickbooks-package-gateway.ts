import {
  createQuickBooksClient,
  createQuickBooksOAuth,
  type IntuitOAuthEndpoints,
  QboQuery,
  type QboTokenSet,
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
}

const grant = (t: QboTokenSet): QuickBooksTokenGrant => ({
  accessToken: t.accessToken,
  refreshToken: t.refreshToken,
  accessTokenExpiresAt: new Date(t.accessTokenExpiresAt),
  refreshTokenExpiresAt: new Date(t.refreshTokenExpiresAt),
});

const yes = (v: unknown) => v === true || v === 'true';

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
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  return {
    authorizeUrl: (state) => oauth.authorizeUrl(state),
    exchangeCode: async (code, realmId) => grant(await oauth.exchangeCode(code, realmId)),
    refresh: async (realmId, refreshToken) => grant(await oauth.refresh(realmId, refreshToken)),
    revoke: (token) => oauth.revoke(token),
    async company(realmId, accessToken) {
      const qbo = client(realmId, accessToken);
      const [info, prefs] = await Promise.all([qbo.companyInfo(), qbo.preferences()]);
      const p = prefs as Record<string, Record<string, unknown> | undefined>;
      const sales = p.SalesFormsPrefs ?? {};
      const customFields = ((sales.CustomField as unknown[]) ?? []).flatMap((group) =>
        (
          ((group as { CustomField?: unknown[] }).CustomField ?? []) as {
            Name?: string;
            StringValue?: string;
          }[]
        )
          .filter((f) => f.Name?.startsWith('SalesFormsPrefs.SalesCustomName') && f.StringValue)
          .map((f) => ({
            definitionId: (f.Name ?? '').replace('SalesFormsPrefs.SalesCustomName', ''),
            name: f.StringValue ?? '',
          })),
      );
      const home = (p.CurrencyPrefs?.HomeCurrency as { value?: string } | undefined)?.value;
      return {
        companyName: String((info as { CompanyName?: string }).CompanyName ?? realmId),
        country: String((info as { Country?: string }).Country ?? 'US'),
        homeCurrency: home ?? 'USD',
        multiCurrencyEnabled: yes(p.CurrencyPrefs?.MultiCurrencyEnabled),
        customTransactionNumbers: yes(sales.CustomTxnNumbers),
        bookCloseDate: (p.AccountingInfoPrefs?.BookCloseDate as string | null | undefined) ?? null,
        revenueRecognitionEnabled: yes(p.ProductAndServicesPrefs?.RevenueRecognition),
        invoiceCustomFields: customFields,
      };
    },
    async listIncomeAccounts(realmId, accessToken) {
      const qbo = client(realmId, accessToken);
      const accounts = [];
      for await (const a of qbo.queryAll(QboQuery.select('Account').where('AccountType', '=', 'Income'))) {
        if ((a as { Active?: unknown }).Active !== false)
          accounts.push({ id: String(a.Id), name: String(a.Name) });
      }
      return accounts;
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
