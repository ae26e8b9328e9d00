// The server's only entry point: the one place that reads process.env.
import { loadEnv } from '@ledgersync/config';
import { createPrismaClient, createTokenCipher } from '@ledgersync/db';
import { createSharedRateLimiters } from '@ledgersync/portal-adapters';
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { createHubSpotPackageGateway } from './adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from './adapters/quickbooks-package-gateway.ts';
import { buildServer } from './build-server.ts';
import { serverConfigFromEnv, serverEnvSchema } from './server-config.ts';

const env = loadEnv(serverEnvSchema, process.env);
const config = serverConfigFromEnv(env);
const db = createPrismaClient(env.DATABASE_URL);
const cipher = createTokenCipher(env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_ACTIVE_KEY_ID);
const isIntuit = env.QBO_AUTH_BASE_URL.startsWith('https://appcenter.intuit.com');
// The budgets every worker and server share, in the database: a route's calls for a portal or
// realm count against the same limits as its drains.
const rateLimiters = createSharedRateLimiters(db);

const app = await buildServer(
  {
    db,
    cipher,
    config,
    hubspot: createHubSpotPackageGateway({
      basePath: env.HUBSPOT_API_BASE_URL.replace(/\/$/, ''),
      clientId: env.HUBSPOT_CLIENT_ID,
      clientSecret: env.HUBSPOT_CLIENT_SECRET,
      redirectUri: `${config.publicUrl}/oauth/hubspot/callback`,
      now: Date.now,
      limiters: rateLimiters.hubspot,
    }),
    quickbooks: createQuickBooksPackageGateway({
      apiBaseUrl: env.QBO_API_BASE_URL.replace(/\/$/, ''),
      clientId: env.QBO_CLIENT_ID,
      clientSecret: env.QBO_CLIENT_SECRET,
      redirectUri: `${config.publicUrl}/oauth/quickbooks/callback`,
      environment: env.QBO_ENVIRONMENT,
      limiters: rateLimiters.quickbooks,
      // Against an emulator every Intuit endpoint lives under one base URL.
      ...(isIntuit ? {} : { endpoints: intuitEndpointsAt(env.QBO_AUTH_BASE_URL) }),
    }),
  },
  { logger: { level: env.LOG_LEVEL } },
);

const shutdown = async () => {
  await app.close();
  await db.$disconnect();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
await app.listen({ host: env.HOST, port: env.PORT });
