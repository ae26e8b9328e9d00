/** Where Intuit's OAuth lives; `intuitEndpointsAt` points everything at one base (the emulator). */
export interface IntuitOAuthEndpoints {
  readonly authorize: string;
  readonly token: string;
  readonly revoke: string;
}

export const INTUIT_OAUTH_ENDPOINTS: IntuitOAuthEndpoints = {
  authorize: 'https://appcenter.intuit.com/connect/oauth2',
  token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revoke: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
};

export function intuitEndpointsAt(baseUrl: string): IntuitOAuthEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    authorize: `${base}/connect/oauth2`,
    token: `${base}/oauth2/v1/tokens/bearer`,
    revoke: `${base}/v2/oauth2/tokens/revoke`,
  };
}

/** The scope LedgerSync needs: the Accounting API (invoices, payments, customers, items). */
export const QBO_ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';
