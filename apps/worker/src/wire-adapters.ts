import {
  createHubSpotInstallationRepository,
  createQuickBooksConnectionRepository,
  createSyncSettingsRepository,
  createTokenCipher,
  type Db,
  fieldMappingsColumnSchema,
} from '@ledgersync/db';
import {
  type CompanyProfileCache,
  QBO_RATE_LIMITS,
  RealmRateLimiter,
  ttlCompanyProfileCache,
} from '@ledgersync/quickbooks';
import type { Logger } from 'pino';
import { buildPortalPorts } from './adapters/build-portal-ports.ts';
import { createHubSpotClient, RateLimiterRegistry } from './adapters/hubspot-adapter.ts';
import type { WorkerEnv } from './config.ts';
import type { PortsFor } from './portal-ports.ts';

/** Preferences/CompanyInfo are read once per realm per 5 minutes, not on every drain. */
const PROFILE_TTL_MS = 5 * 60_000;

/**
 * Production wiring: a portal's adapters from its stored (encrypted) tokens. Rate limiters are
 * process-wide per portal / realm. Tokens are read from the database on every request so a
 * refresh made by the token-care job (or another process) is picked up at once.
 */
export function createAdapterPortsFor(
  db: Db,
  env: WorkerEnv,
  log: Logger,
  /** HubSpot answered 401: refresh the portal's tokens (a refused refresh marks it `needs_reauth`). */
  hubspotRejected?: (portalId: string, rejectedToken: string) => Promise<void>,
): PortsFor {
  const cipher = createTokenCipher(
    env.TOKEN_ENCRYPTION_KEYS,
    env.TOKEN_ENCRYPTION_ACTIVE_KEY_ID ?? firstKey(env),
  );
  const installations = createHubSpotInstallationRepository(db, cipher);
  const connections = createQuickBooksConnectionRepository(db, cipher);
  const hubspotLimits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  const realmLimits = new Map<string, RealmRateLimiter>();
  const realmProfiles = new Map<string, CompanyProfileCache>();
  return async (portalId) => {
    const [portal, installation, connection] = await Promise.all([
      db.portal.findUnique({ where: { id: portalId } }),
      installations.find(portalId),
      connections.find(portalId),
    ]);
    if (!portal || !installation || !connection?.tokens) {
      log.warn({ portalId }, 'portal has no usable HubSpot installation or QBO connection');
      return null;
    }
    const qboToken = async () => (await connections.find(portalId))?.tokens?.accessToken ?? '';
    const realm = realmLimits.get(connection.realmId) ?? new RealmRateLimiter(QBO_RATE_LIMITS);
    realmLimits.set(connection.realmId, realm);
    const profile = realmProfiles.get(connection.realmId) ?? ttlCompanyProfileCache(PROFILE_TTL_MS, Date.now);
    realmProfiles.set(connection.realmId, profile);
    const invoiceSettings = await createSyncSettingsRepository(db).find(portalId, 'invoices');
    return buildPortalPorts({
      hubspot: createHubSpotClient({
        basePath: env.HUBSPOT_API_BASE_URL,
        portalId: portal.hubId.toString(),
        accessToken: async () => (await installations.find(portalId))?.tokens.accessToken ?? '',
        ...(hubspotRejected ? { onUnauthorized: (token: string) => hubspotRejected(portalId, token) } : {}),
        rateLimiter: hubspotLimits.forPortal(portalId),
      }),
      quickbooks: {
        baseUrl: env.QBO_API_BASE_URL,
        realmId: connection.realmId,
        tokens: { accessToken: qboToken, refreshAfterRejection: qboToken },
        limiter: realm,
      },
      customLineItemIncomeAccountId: invoiceSettings?.customLineItemIncomeAccountId ?? null,
      // The engine decides which mappings apply (R-MAP-4); HubSpot needs them to read the properties.
      customMappings:
        fieldMappingsColumnSchema.safeParse(invoiceSettings?.fieldMappings ?? {}).data?.customMappings ?? [],
      now: Date.now,
      companyProfileCache: profile,
    });
  };
}

function firstKey(env: WorkerEnv): string {
  const [id] = env.TOKEN_ENCRYPTION_KEYS.keys();
  if (!id) throw new Error('TOKEN_ENCRYPTION_KEYS holds no key');
  return id;
}
