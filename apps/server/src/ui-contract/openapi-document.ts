import { buildServer } from '../build-server.ts';
import type { ServerDeps } from '../deps.ts';
import type { ServerConfig } from '../server-config.ts';
import type { OpenApiDocument } from './emit-ui-contract.ts';

/** Stands in for a collaborator that building the document must never use. */
function inert<T>(name: string): T {
  return new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(
          `building the OpenAPI document used ${name}.${String(property)}; it must not run anything`,
        );
      },
    },
  ) as T;
}

// Only the shape matters: no route reads these values while the document is built.
const DOCUMENT_CONFIG: ServerConfig = {
  publicUrl: 'https://ledgersync.invalid',
  stateSigningSecret: 'x'.repeat(32),
  hubspot: {
    appId: '0',
    clientId: 'unused',
    clientSecret: 'unused',
    authBaseUrl: 'https://hubspot.invalid',
    scopes: [],
    settingsUrl: 'https://hubspot.invalid',
    recordUrl: 'https://hubspot.invalid',
  },
  quickbooks: {
    clientId: 'unused',
    clientSecret: 'unused',
    webhookVerifierToken: 'unused',
    authBaseUrl: 'https://intuit.invalid',
    appBaseUrl: 'https://qbo.invalid',
  },
  defaultPlanTier: 'free',
  rateLimitPerMinute: 1,
  webhookDebounceMs: 0,
  bodyLimitBytes: 1_048_576,
};

/**
 * The server's OpenAPI document (what `/docs/json` serves), from the real route registrations
 * with every collaborator inert: no database, network or listening socket.
 */
export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const deps: ServerDeps = {
    db: inert('db'),
    cipher: inert('cipher'),
    config: DOCUMENT_CONFIG,
    hubspot: inert('hubspot'),
    quickbooks: inert('quickbooks'),
    syncControl: inert('syncControl'),
    clock: () => new Date(0),
  };
  const app = await buildServer(deps, { rateLimit: false });
  try {
    await app.ready();
    return app.swagger() as unknown as OpenApiDocument;
  } finally {
    await app.close();
  }
}
