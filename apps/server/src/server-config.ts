import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import type { ServerEnv } from './config.ts';

/** What the routes need to know, as plain values (tests build one without any env). */
export interface ServerConfig {
  publicUrl: string;
  stateSigningSecret: string;
  hubspot: {
    appId: string;
    clientId: string;
    clientSecret: string;
    authBaseUrl: string;
    scopes: readonly string[];
    /** The admin lands here after install; `{hubId}` is replaced by the portal's id. */
    settingsUrl: string;
  };
  quickbooks: {
    clientId: string;
    clientSecret: string;
    webhookVerifierToken: string;
    authBaseUrl: string;
    /** The QuickBooks web app, for deep links from the card. */
    appBaseUrl: string;
  };
  rateLimitPerMinute: number;
  webhookDebounceMs: number;
  bodyLimitBytes: number;
  /** `Authorization: Bearer` token for `/metrics`; absent means nobody may scrape. */
  metricsToken?: string | undefined;
}

export function serverConfigFromEnv(env: ServerEnv): ServerConfig {
  return {
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
    stateSigningSecret: env.STATE_SIGNING_SECRET,
    hubspot: {
      appId: env.HUBSPOT_APP_ID,
      clientId: env.HUBSPOT_CLIENT_ID,
      clientSecret: env.HUBSPOT_CLIENT_SECRET,
      authBaseUrl: env.HUBSPOT_AUTH_BASE_URL.replace(/\/$/, ''),
      // The adapter's list is the one the app's hsmeta declares (hubspot-app's project-files test checks it).
      scopes: REQUIRED_SCOPE_LIST,
      settingsUrl: `${env.HUBSPOT_SETTINGS_URL.replace(/\/$/, '')}/integrations-settings/{hubId}/installed/framework/${env.HUBSPOT_APP_ID}/general-settings`,
    },
    quickbooks: {
      clientId: env.QBO_CLIENT_ID,
      clientSecret: env.QBO_CLIENT_SECRET,
      webhookVerifierToken: env.QBO_WEBHOOK_VERIFIER_TOKEN,
      authBaseUrl: env.QBO_AUTH_BASE_URL.replace(/\/$/, ''),
      appBaseUrl:
        env.QBO_ENVIRONMENT === 'sandbox'
          ? 'https://app.sandbox.qbo.intuit.com'
          : 'https://app.qbo.intuit.com',
    },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    webhookDebounceMs: env.WEBHOOK_DEBOUNCE_MS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    metricsToken: env.METRICS_TOKEN,
  };
}
