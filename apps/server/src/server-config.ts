import {
  databaseEnvShape,
  httpUrl,
  hubspotAppEnvShape,
  logLevelEnvShape,
  metricsTokenEnvShape,
  port,
  quickbooksAppEnvShape,
  secret,
  tokenKeysEnvShape,
} from '@ledgersync/config';
import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { type PlanTier, planTierSchema } from '@ledgersync/sync-engine';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';

const positiveInt = z.coerce.number().int().positive();

/** Every variable the server reads; parsed once in main.ts (see .env.example). */
export const serverEnvSchema = z.object({
  ...databaseEnvShape,
  ...tokenKeysEnvShape,
  ...logLevelEnvShape(),
  ...hubspotAppEnvShape,
  ...quickbooksAppEnvShape,
  ...metricsTokenEnvShape,
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: httpUrl,
  STATE_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters'),
  HUBSPOT_APP_ID: z.string().regex(/^\d+$/, 'must be a numeric app id'),
  HUBSPOT_AUTH_BASE_URL: httpUrl.default('https://app.hubspot.com'),
  QBO_WEBHOOK_VERIFIER_TOKEN: secret,
  QBO_ENVIRONMENT: z.enum(['sandbox', 'production']).default('production'),
  QBO_AUTH_BASE_URL: httpUrl.default('https://appcenter.intuit.com'),
  /** The HubSpot web app: the admin lands on the app's settings page there after install, and records link there. */
  HUBSPOT_SETTINGS_URL: httpUrl.default('https://app.hubspot.com'),
  /** The proxies in front of the server whose X-Forwarded-For is believed (see trust-proxy.ts). */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  /** The LedgerSync plan of a new install (R-CON-8); `npm run plan:set` changes a portal's later. */
  DEFAULT_PLAN_TIER: planTierSchema.default('free'),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  WEBHOOK_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
});
export type ServerEnv = z.output<typeof serverEnvSchema>;

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
    /** A CRM record's page, with `{hubId}`, `{objectTypeId}` and `{recordId}` to fill in. */
    recordUrl: string;
  };
  quickbooks: {
    clientId: string;
    clientSecret: string;
    webhookVerifierToken: string;
    authBaseUrl: string;
    /** The QuickBooks web app, for deep links from the card and the overview. */
    appBaseUrl: string;
  };
  /** The plan a portal installing LedgerSync for the first time gets (R-CON-8). */
  defaultPlanTier: PlanTier;
  rateLimitPerMinute: number;
  webhookDebounceMs: number;
  bodyLimitBytes: number;
  /** `Authorization: Bearer` token for `/metrics`; absent means nobody may scrape. */
  metricsToken?: string | undefined;
  /** Whose X-Forwarded-For gives the client address (rate limits, logs); absent trusts no proxy. */
  trustProxy?: TrustProxy;
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
      recordUrl: `${env.HUBSPOT_SETTINGS_URL.replace(/\/$/, '')}/contacts/{hubId}/record/{objectTypeId}/{recordId}`,
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
    defaultPlanTier: env.DEFAULT_PLAN_TIER,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    webhookDebounceMs: env.WEBHOOK_DEBOUNCE_MS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    metricsToken: env.METRICS_TOKEN,
    trustProxy: env.TRUST_PROXY,
  };
}
