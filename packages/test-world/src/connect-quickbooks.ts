import {
  checkQuickBooksConnect,
  createQuickBooksConnectionRepository,
  type QuickBooksTokens,
} from '@ledgersync/db';
import {
  createQuickBooksClient,
  createQuickBooksOAuth,
  intuitEndpointsAt,
  readCompanySnapshot,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import { redirectOf } from './http.ts';
import { quickbooksRedirectUri, type WorldContext } from './world-context.ts';

/**
 * R-CON-2 as the QBO callback does it, minus HTTP: Intuit's consent (a new emulated company, or
 * `realmId`), the code exchanged through the OAuth client, the company read, the connection stored
 * by the repository's `connect`.
 */
export async function connectQuickBooks(
  c: WorldContext,
  portalId: string,
  realmId?: string,
): Promise<{ realmId: string; tokens: QuickBooksTokens }> {
  const oauth = createQuickBooksOAuth({
    clientId: c.quickbooksApp.clientId,
    clientSecret: c.quickbooksApp.clientSecret,
    redirectUri: quickbooksRedirectUri(c),
    environment: 'sandbox',
    endpoints: intuitEndpointsAt(c.qboUrl),
  });
  const consent = new URL(oauth.authorizeUrl('test-world'));
  if (realmId !== undefined) consent.searchParams.set('realmId', realmId);
  const back = await redirectOf(`${c.qboUrl}/connect/oauth2/approve${consent.search}`);
  const chosen = back.searchParams.get('realmId') ?? '';
  const check = await checkQuickBooksConnect(c.db, c.cipher, portalId, chosen);
  if (!check.ok) throw new Error(`cannot connect ${chosen}: ${check.error}`);
  const grant = await oauth.exchangeCode(back.searchParams.get('code') ?? '', chosen);
  const tokens: QuickBooksTokens = {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessTokenExpiresAt: new Date(grant.accessTokenExpiresAt),
    refreshTokenExpiresAt: new Date(grant.refreshTokenExpiresAt),
  };
  const company = await readCompanySnapshot(
    createQuickBooksClient({
      baseUrl: c.qboUrl,
      realmId: chosen,
      tokens: staticAccessToken(tokens.accessToken),
    }),
  );
  const connected = await createQuickBooksConnectionRepository(c.db, c.cipher).connect({
    portalId,
    realmId: chosen,
    tokens,
    companyName: company.companyName,
    country: company.country,
    homeCurrency: company.homeCurrency,
    connectedAt: new Date(),
  });
  if (!connected.ok) throw new Error(`cannot connect ${chosen}: ${connected.error}`);
  return { realmId: chosen, tokens };
}
