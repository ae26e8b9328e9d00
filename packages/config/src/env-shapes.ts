import { z } from 'zod';
import { parseKeyring } from './parse-keyring.ts';

// The variables more than one program reads, declared once: each app's schema spreads the shapes
// it needs and adds its own variables.

/** An http(s) URL: API and auth bases, the public URL. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/** A client secret or similar: short values are refused as typos. */
export const secret = z.string().min(8, 'must be at least 8 characters');
/** A TCP port; 0 lets the system pick a free one. */
export const port = z.coerce.number().int().min(0).max(65535);

export const databaseEnvShape = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }),
};

/** The keyring tokens are encrypted with at rest: any key decrypts, the active one encrypts. */
export const tokenKeysEnvShape = {
  TOKEN_ENCRYPTION_KEYS: z.string().transform((value, ctx) => {
    const parsed = parseKeyring(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.keys;
  }),
  TOKEN_ENCRYPTION_ACTIVE_KEY_ID: z.string().min(1).optional(),
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** pino's levels; the sandbox, which prints its own summary, defaults quieter than the services. */
export function logLevelEnvShape(defaultLevel: (typeof LOG_LEVELS)[number] = 'info') {
  return { LOG_LEVEL: z.enum(LOG_LEVELS).default(defaultLevel) };
}

/** LedgerSync's HubSpot app as the programs that call HubSpot's API and token endpoint see it. */
export const hubspotAppEnvShape = {
  HUBSPOT_CLIENT_ID: z.string().min(1),
  HUBSPOT_CLIENT_SECRET: secret,
  HUBSPOT_API_BASE_URL: httpUrl.default('https://api.hubapi.com'),
};

/** LedgerSync's Intuit app as the programs that call QBO's API and token endpoint see it. */
export const quickbooksAppEnvShape = {
  QBO_CLIENT_ID: z.string().min(1),
  QBO_CLIENT_SECRET: secret,
  QBO_API_BASE_URL: httpUrl.default('https://quickbooks.api.intuit.com'),
  QBO_TOKEN_BASE_URL: httpUrl.default('https://oauth.platform.intuit.com'),
};

/**
 * The bearer token Prometheus sends to scrape `/metrics` (the server's and the worker's); unset,
 * nobody may scrape.
 */
export const metricsTokenEnvShape = {
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
};
