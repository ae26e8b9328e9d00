import {
  createHubSpotInstallationRepository,
  createPortalRepository,
  createQuickBooksConnectionRepository,
  createSyncSettingsRepository,
  type Db,
  fieldMappingsColumnSchema,
  loadAssociationTypeIds,
  loadInvoiceSourceOptions,
  saveAssociationTypeIds,
  saveInvoiceSourceOptions,
  type TokenCipher,
} from '@ledgersync/db';
import {
  createHubSpotAdapter,
  type RetryPolicy as HubSpotRetryPolicy,
  type PortalLimiters,
} from '@ledgersync/hubspot';
import {
  type AccessTokenSource,
  createQuickBooksAdapter,
  type LimiterTime,
  type RetryPolicy as QuickBooksRetryPolicy,
  type RealmLimiters,
  realTime,
} from '@ledgersync/quickbooks';
import type { ApiCallOutcome, Side } from '@ledgersync/sync-engine';
import { storedCompanyProfileCache } from './company-profiles/stored-company-profile-cache.ts';
import type { PortsFor } from './portal-ports.ts';

export interface PortalAdaptersOptions {
  readonly db: Db;
  /** Built once by the caller from the keyring: any key decrypts, the active one encrypts. */
  readonly cipher: TokenCipher;
  readonly hubspotApiBaseUrl: string;
  readonly qboApiBaseUrl: string;
  /**
   * One HubSpot budget per portal and one QBO budget per realm, however many drains run: shared by
   * every process (`createSharedRateLimiters`) in the worker and server, in-process in unit tests.
   */
  readonly rateLimiters: RateLimiters;
  /** HubSpot answered 401: refresh the portal's tokens (a refused refresh marks it `needs_reauth`). */
  readonly onHubSpotUnauthorized?: (portalId: string, rejectedToken: string) => Promise<void>;
  /** Told when a portal has no usable HubSpot installation or QBO connection. */
  readonly onUnusable?: (portalId: string) => void;
  /** Told how every request the adapters send ends, by side (the worker counts them). */
  readonly onApiCall?: (side: Side, outcome: ApiCallOutcome) => void;
  /**
   * How long a realm's Preferences/CompanyInfo are kept in the database between drains, for every
   * process (default 5 minutes); 0 reads them once per drain.
   */
  readonly companyProfileTtlMs?: number;
  /** The clients' clock and waits (backoffs, rate-limit holds); the system's by default. */
  readonly time?: LimiterTime;
  readonly hubspotRetry?: Partial<HubSpotRetryPolicy>;
  /**
   * Records per HubSpot search page (HubSpot's maximum by default), for tests that need several
   * pages of a poll, first sync or backfill without creating hundreds of records.
   */
  readonly hubspotSearchPageSize?: number;
  readonly quickbooksRetry?: Partial<QuickBooksRetryPolicy>;
  /** The QBO clients' network, for tests that act at an exact request. */
  readonly quickbooksFetch?: typeof fetch;
  /** Stands in for the stored QBO tokens, for tests that play token expiry and rotation. */
  readonly quickbooksTokens?: (portalId: string) => AccessTokenSource;
}

export interface RateLimiters {
  readonly hubspot: PortalLimiters;
  readonly quickbooks: RealmLimiters;
}

const PROFILE_TTL_MS = 5 * 60_000;

/**
 * A portal's adapters from its stored, encrypted tokens. Tokens are read from the database on
 * every request, so a refresh made by the refresh-tokens task (or another process) is picked up at once; the
 * invoice settings are read when the ports are built (once per drain).
 */
export function createPortsFor(options: PortalAdaptersOptions): PortsFor {
  const { db, cipher } = options;
  const time = options.time ?? realTime;
  const ttl = options.companyProfileTtlMs ?? PROFILE_TTL_MS;
  const installations = createHubSpotInstallationRepository(db, cipher);
  const connections = createQuickBooksConnectionRepository(db, cipher);

  return async (portalId) => {
    const [portal, installation, connection] = await Promise.all([
      createPortalRepository(db).findById(portalId),
      installations.find(portalId),
      connections.find(portalId),
    ]);
    if (!portal || !installation || !connection?.tokens) {
      options.onUnusable?.(portalId);
      return null;
    }
    const invoiceSettings = await createSyncSettingsRepository(db).find(portalId, 'invoice');
    const onUnauthorized = options.onHubSpotUnauthorized;
    const { onApiCall } = options;
    const hubspot = createHubSpotAdapter({
      basePath: options.hubspotApiBaseUrl,
      portalId: portal.hubId.toString(),
      accessToken: async () => (await installations.find(portalId))?.tokens.accessToken ?? '',
      ...(onUnauthorized ? { onUnauthorized: (token: string) => onUnauthorized(portalId, token) } : {}),
      rateLimiters: options.rateLimiters.hubspot,
      now: time.now,
      sleep: time.sleep,
      // The engine decides which mappings apply (R-MAP-4); HubSpot needs them to read the properties.
      customMappings:
        fieldMappingsColumnSchema.safeParse(invoiceSettings?.fieldMappings ?? {}).data?.customMappings ?? [],
      ...(options.hubspotRetry ? { retry: options.hubspotRetry } : {}),
      ...(options.hubspotSearchPageSize ? { searchPageSize: options.hubspotSearchPageSize } : {}),
      // R-FLT-1: the invoice source options read from HubSpot are kept on the portal's row.
      invoiceSources: {
        load: () => loadInvoiceSourceOptions(db, portalId),
        save: (read) => saveInvoiceSourceOptions(db, portalId, read, new Date(time.now())),
      },
      // Creates carry their associations; the type ids are read from the portal's labels once and kept.
      associationTypes: {
        load: () => loadAssociationTypeIds(db, portalId),
        save: (ids) => saveAssociationTypeIds(db, portalId, ids),
      },
      ...(onApiCall ? { onApiCall: (outcome: ApiCallOutcome) => onApiCall('hubspot', outcome) } : {}),
    });
    const qboToken = async () => (await connections.find(portalId))?.tokens?.accessToken ?? '';
    // One Preferences/CompanyInfo read and one "Custom Line Item" lookup per drain, shared by the ports.
    const qbo = createQuickBooksAdapter({
      baseUrl: options.qboApiBaseUrl,
      realmId: connection.realmId,
      tokens: options.quickbooksTokens?.(portalId) ?? {
        accessToken: qboToken,
        refreshAfterRejection: qboToken,
      },
      limiter: options.rateLimiters.quickbooks.forRealm(connection.realmId),
      time,
      customLineItemIncomeAccountId: invoiceSettings?.customLineItemIncomeAccountId ?? null,
      ...(ttl > 0
        ? { companyProfileCache: storedCompanyProfileCache(db, connection.realmId, ttl, time.now) }
        : {}),
      ...(options.quickbooksRetry ? { retry: options.quickbooksRetry } : {}),
      ...(options.quickbooksFetch ? { fetch: options.quickbooksFetch } : {}),
      ...(onApiCall ? { onApiCall: (outcome: ApiCallOutcome) => onApiCall('quickbooks', outcome) } : {}),
    });
    return {
      readers: { hubspot: hubspot.reader, quickbooks: qbo.reader },
      writers: { hubspot: hubspot.writer, quickbooks: qbo.writer },
      company: qbo.company,
      customLineItem: qbo.customLineItems,
      counters: { hubspot: hubspot.counter, quickbooks: qbo.counter },
    };
  };
}
