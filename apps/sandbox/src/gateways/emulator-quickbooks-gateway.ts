import {
  companyProfileFromQbo,
  createQuickBooksClient,
  createQuickBooksOAuth,
  intuitEndpointsAt,
  QBO_RATE_LIMITS,
  QboQuery,
  RealmRateLimiter,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import type { QuickBooksGateway } from '@ledgersync/server';

export interface QuickBooksGatewayOptions {
  /** Where OAuth and the API live (one base for the emulator). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** The server's QBO port, assembled from the adapter package (the server ships none yet). */
export function createQuickBooksGateway(options: QuickBooksGatewayOptions): QuickBooksGateway {
  const endpoints = intuitEndpointsAt(options.baseUrl);
  const oauth = (now: Date) =>
    createQuickBooksOAuth({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri,
      endpoints,
      now: () => now,
    });
  const client = (realmId: string, accessToken: string) =>
    createQuickBooksClient({
      baseUrl: options.baseUrl,
      realmId,
      tokens: staticAccessToken(accessToken),
      limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
    });
  const grant = (t: {
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresAt: string;
    refreshTokenExpiresAt: string;
  }) => ({
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    accessTokenExpiresAt: new Date(t.accessTokenExpiresAt),
    refreshTokenExpiresAt: new Date(t.refreshTokenExpiresAt),
  });
  return {
    authorizeUrl: (state) => oauth(new Date()).authorizeUrl(state),
    exchangeCode: async (code, realmId, now) => grant(await oauth(now).exchangeCode(code, realmId)),
    refresh: async (realmId, refreshToken, now) => grant(await oauth(now).refresh(realmId, refreshToken)),
    async company(realmId, accessToken) {
      const qbo = client(realmId, accessToken);
      const [prefs, info] = await Promise.all([qbo.preferences(), qbo.companyInfo()]);
      return {
        ...companyProfileFromQbo(prefs, info),
        companyName: String(info.CompanyName ?? realmId),
        invoiceCustomFields: [],
      };
    },
    async listIncomeAccounts(realmId, accessToken) {
      const page = await client(realmId, accessToken).queryPage(
        QboQuery.select('Account').where('AccountType', '=', 'Income'),
        1,
        100,
      );
      return page.entities.map((a) => ({ id: String(a.Id), name: String(a.Name) }));
    },
    revoke: (token) => oauth(new Date()).revoke(token),
  };
}
