import { databaseEnvShape } from '@ledgersync/db';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const secret = z.string().min(8, 'must be at least 8 characters');

const positiveInt = z.coerce.number().int().positive();

/** The server's own knobs, separate from the env so tests can build one without variables. */
export const serverTuningShape = {
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  WEBHOOK_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
};

/** Every variable the server reads; parsed once in main.ts (see .env.example). */
export const serverEnvSchema = z.object({
  ...databaseEnvShape,
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: httpUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATE_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters'),
  HUBSPOT_APP_ID: z.string().regex(/^\d+$/, 'must be a numeric app id'),
  HUBSPOT_CLIENT_ID: z.string().min(1),
  HUBSPOT_CLIENT_SECRET: secret,
  HUBSPOT_API_BASE_URL: httpUrl.default('https://api.hubapi.com'),
  HUBSPOT_AUTH_BASE_URL: httpUrl.default('https://app.hubspot.com'),
  QBO_CLIENT_ID: z.string().min(1),
  QBO_CLIENT_SECRET: secret,
  QBO_WEBHOOK_VERIFIER_TOKEN: secret,
  QBO_ENVIRONMENT: z.enum(['sandbox', 'production']).default('production'),
  QBO_API_BASE_URL: httpUrl.default('https://quickbooks.api.intuit.com'),
  QBO_AUTH_BASE_URL: httpUrl.default('https://appcenter.intuit.com'),
  QBO_TOKEN_BASE_URL: httpUrl.default('https://oauth.platform.intuit.com'),
  /** Where the admin lands after install: the app's settings page in HubSpot. */
  HUBSPOT_SETTINGS_URL: httpUrl.default('https://app.hubspot.com'),
  /** Bearer token Prometheus sends to scrape `/metrics`; without it `/metrics` is refused. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ...serverTuningShape,
});
export type ServerEnv = z.output<typeof serverEnvSchema>;
