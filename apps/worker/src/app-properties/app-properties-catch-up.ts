import {
  createHubSpotInstallationRepository,
  type Db,
  listInvoiceSourceOptionsDue,
  saveInvoiceSourceOptions,
  type TokenCipher,
} from '@ledgersync/db';
import {
  APP_PROPERTIES_VERSION,
  createHubSpotClient,
  ensureAppProperties,
  type PortalLimiters,
  RateLimiterRegistry,
  readInvoiceSourceOptions,
} from '@ledgersync/hubspot';

export interface AppPropertiesCatchUpReport {
  /** Portals whose app-owned properties were ensured and whose version was recorded. */
  readonly ensured: readonly string[];
  /** Portals whose invoice source options were read again from HubSpot (R-FLT-1). */
  readonly sourcesRead: readonly string[];
  readonly failed: number;
}

/** How long a portal's invoice source options are trusted before the catch-up reads them again. */
const SOURCES_MAX_AGE_MS = 24 * 60 * 60_000;

/**
 * Brings installations made before the current app-owned property set up to it, and keeps each
 * portal's invoice source options fresh (its own cron task).
 */
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
  /** Epoch ms; the system clock by default. */
  readonly now?: () => number;
  /** The portals' HubSpot budgets the drains spend too; a budget of this task's own by default. */
  readonly rateLimiters?: PortalLimiters;
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
  const limits =
    deps.rateLimiters ??
    new RateLimiterRegistry({
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  const clientOf = async (portalId: string) => {
    const portal = await deps.db.portal.findUniqueOrThrow({ where: { id: portalId } });
    return createHubSpotClient({
      basePath: deps.hubspotBaseUrl.replace(/\/+$/, ''),
      portalId: portal.hubId.toString(),
      accessToken: async () => (await installations.find(portalId))?.tokens.accessToken ?? '',
      ...(onUnauthorized ? { onUnauthorized: (token: string) => onUnauthorized(portalId, token) } : {}),
      // Keyed by hub id, as the adapters key the portal's budget.
      rateLimiter: limits.forPortal(portal.hubId.toString()),
    });
  };
  return {
    async catchUp() {
      const ensured: string[] = [];
      const sourcesRead: string[] = [];
      let failed = 0;
      for (const portalId of await installations.listBehindAppProperties(version)) {
        try {
          await ensureAppProperties(await clientOf(portalId));
          await installations.recordAppPropertiesVersion(portalId, version);
          ensured.push(portalId);
        } catch (error) {
          failed++;
          deps.onFailure?.(portalId, error);
        }
      }
      // HubSpot may add or rename Invoice sources: the options are read again once a day (an
      // invoice holding a value they lack has them read at once, by the drain).
      const now = deps.now?.() ?? Date.now();
      for (const portalId of await listInvoiceSourceOptionsDue(deps.db, new Date(now - SOURCES_MAX_AGE_MS))) {
        try {
          const options = await readInvoiceSourceOptions(await clientOf(portalId));
          await saveInvoiceSourceOptions(deps.db, portalId, options, new Date(now));
          sourcesRead.push(portalId);
        } catch (error) {
          failed++;
          deps.onFailure?.(portalId, error);
        }
      }
      return { ensured, sourcesRead, failed };
    },
  };
}
