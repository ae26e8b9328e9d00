import { createOAuthClient } from '@ledgersync/hubspot';
import { createQuickBooksOAuth, INTUIT_OAUTH_ENDPOINTS, intuitEndpointsAt } from '@ledgersync/quickbooks';
import type { WorkerEnv } from '../worker-config.ts';
import type { OAuthClients } from './token-refresher.ts';

// A refresh never redirects anyone; both OAuth clients want a redirect URI all the same.
const UNUSED_REDIRECT_URI = 'https://ledgersync.invalid/oauth/unused';

/** The adapters' OAuth clients pointed at the worker's token endpoints (Intuit's, or an emulator). */
export function createOAuthClients(
  env: Pick<
    WorkerEnv,
    | 'HUBSPOT_API_BASE_URL'
    | 'HUBSPOT_CLIENT_ID'
    | 'HUBSPOT_CLIENT_SECRET'
    | 'QBO_CLIENT_ID'
    | 'QBO_CLIENT_SECRET'
    | 'QBO_TOKEN_BASE_URL'
  >,
): OAuthClients {
  const intuit = new URL(env.QBO_TOKEN_BASE_URL).host === new URL(INTUIT_OAUTH_ENDPOINTS.token).host;
  return {
    hubspot: createOAuthClient({
      basePath: env.HUBSPOT_API_BASE_URL.replace(/\/+$/, ''),
      clientId: env.HUBSPOT_CLIENT_ID,
      clientSecret: env.HUBSPOT_CLIENT_SECRET,
      redirectUri: UNUSED_REDIRECT_URI,
      now: Date.now,
    }),
    quickbooks: createQuickBooksOAuth({
      clientId: env.QBO_CLIENT_ID,
      clientSecret: env.QBO_CLIENT_SECRET,
      redirectUri: UNUSED_REDIRECT_URI,
      ...(intuit ? {} : { endpoints: intuitEndpointsAt(env.QBO_TOKEN_BASE_URL) }),
    }),
  };
}
