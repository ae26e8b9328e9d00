import { createHubSpotInstallationRepository, type Db, type TokenCipher } from '@ledgersync/db';
import {
  APP_PROPERTIES_VERSION,
  createHubSpotClient,
  ensureAppProperties,
  RateLimiterRegistry,
} from '@ledgersync/hubspot';

export interface AppPropertiesCatchUpReport {
  /** Portals whose app-owned properties were ensured and whose version was recorded. */
  readonly ensured: readonly string[];
  readonly failed: number;
}

/** Brings installations made before the current app-owned property set up to it (its own cron task). */
export interface AppPropertiesCatchUp {
  catchUp(): Promise<AppPropertiesCatchUpReport>;
}

export interface AppPropertiesCatchUpDeps {
  readonly db: Db;
  readonly cipher: TokenCipher;
  /** `https://api.hubapi.com`, or the emulator's URL. */
  readonly hubspotBaseUrl: string;
  /** The property set to reach (default: the current `APP_PROPERTIES_VERSION`). */
  readonly version?: number;
  /** HubSpot answered 401: refresh the portal's tokens (the same refresher as the adapters'). */
  readonly onUnauthorized?: (portalId: string, rejectedToken: string) => Promise<void>;
  /** Told why a portal could not be caught up (error message only: no token is in it). */
  readonly onFailure?: (portalId: string, error: unknown) => void;
}

/**
 * App-owned properties are created at install, so a portal installed before a property was
 * added (e.g. `ledgersync_qbo_number`) would fail every write that sets it. Installations record
 * the set they have; this ensures the current set once for those behind it (idempotent: only the
 * missing properties are created) and records the new version. A portal at the current version
 * costs no HubSpot call. A failure leaves the version as it was, so the next run tries again.
 */
export function createAppPropertiesCatchUp(deps: AppPropertiesCatchUpDeps): AppPropertiesCatchUp {
  const installations = createHubSpotInstallationRepository(deps.db, deps.cipher);
  const version = deps.version ?? APP_PROPERTIES_VERSION;
  const onUnauthorized = deps.onUnauthorized;
  const limits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  return {
    async catchUp() {
      const ensured: string[] = [];
      let failed = 0;
      for (const portalId of await installations.listBehindAppProperties(version)) {
        try {
          const portal = await deps.db.portal.findUniqueOrThrow({ where: { id: portalId } });
          const client = createHubSpotClient({
            basePath: deps.hubspotBaseUrl.replace(/\/+$/, ''),
            portalId: portal.hubId.toString(),
            accessToken: async () => (await installations.find(portalId))?.tokens.accessToken ?? '',
            ...(onUnauthorized ? { onUnauthorized: (token: string) => onUnauthorized(portalId, token) } : {}),
            rateLimiter: limits.forPortal(portalId),
          });
          await ensureAppProperties(client);
          await installations.recordAppPropertiesVersion(portalId, version);
          ensured.push(portalId);
        } catch (error) {
          failed++;
          deps.onFailure?.(portalId, error);
        }
      }
      return { ensured, failed };
    },
  };
}
