import {
  createHubSpotInstallationRepository,
  createPortalRepository,
  createQuickBooksConnectionRepository,
  createSyncSettingsRepository,
  type Db,
  fieldMappingsColumnSchema,
  loadAssociationTypeIds,
  loadCompanyProfile,
  loadInvoiceSourceOptions,
  saveAssociationTypeIds,
  saveCompanyProfile,
  saveInvoiceSourceOptions,
  type TokenCipher,
} from '@ledgersync/db';
import {
  createHubSpotAdapter,
  type RetryPolicy as HubSpotRetryPolicy,
  type RateLimiterRegistry,
} from '@ledgersync/hubspot';
import {
  type AccessTokenSource,
  type CompanyProfileCache,
  createQuickBooksAdapter,
  type LimiterTime,
  type RetryPolicy as QuickBooksRetryPolicy,
  type RealmLimiterRegistry,
  realTime,
  ttlCompanyProfileCache,
} from '@ledgersync/quickbooks';
import { type ApiCallOutcome, companyProfileSchema, type Side } from '@ledgersync/sync-engine';
import type { PortsFor } from './portal-ports.ts';

export interface PortalAdaptersOptions {
  readonly db: Db;
  /** Built once by the caller from the keyring: any key decrypts, the active one encrypts. */
  readonly cipher: TokenCipher;
  readonly hubspotApiBaseUrl: string;
  readonly qboApiBaseUrl: string;
  /** Process-wide, so that each HubSpot portal and each QBO realm has one budget, however many drains run. */
  readonly rateLimiters: { readonly hubspot: RateLimiterRegistry; readonly quickbooks: RealmLimiterRegistry };
  /** HubSpot answered 401: refresh the portal's tokens (a refused refresh marks it `needs_reauth`). */
  readonly onHubSpotUnauthorized?: (portalId: string, rejectedToken: string) => Promise<void>;
  /** Told when a portal has no usable HubSpot installation or QBO connection. */
  readonly onUnusable?: (portalId: string) => void;
  /** Told how every request the adapters send ends, by side (the worker counts them). */
  readonly onApiCall?: (side: Side, outcome: ApiCallOutcome) => void;
  /**
   * How long a realm's Preferences/CompanyInfo are kept between drains and processes (default 5
   * minutes, in this process and on the realm's connection row); 0 reads them once per drain.
   */
  readonly companyProfileTtlMs?: number;
  /** The clients' clock and waits (backoffs, rate-limit holds); the system's by default. */
  readonly time?: LimiterTime;
  readonly hubspotRetry?: Partial<HubSpotRetryPolicy>;
  readonly quickbooksRetry?: Partial<QuickBooksRetryPolicy>;
  /** The QBO clients' network, for tests that act at an exact request. */
  readonly quickbooksFetch?: typeof fetch;
  /** Stands in for the stored QBO tokens, for tests that play token expiry and rotation. */
  readonly quickbooksTokens?: (portalId: string) => AccessTokenSource;
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
  const profiles = new Map<string, CompanyProfileCache>();
  // Kept in this process and on the realm's connection row, so every process's drains within the
  // TTL of the last read (by any of them) take it without asking QBO.
  const profileOf = async (realmId: string): Promise<CompanyProfileCache> => {
    let local = profiles.get(realmId);
    if (local?.read() === undefined) {
      const stored = await loadCompanyProfile(db, realmId);
      const parsed = stored ? companyProfileSchema.safeParse(stored.profile) : null;
      local = ttlCompanyProfileCache(
        ttl,
        time.now,
        stored && parsed?.success ? { profile: parsed.data, at: stored.readAt.getTime() } : null,
      );
      profiles.set(realmId, local);
    }
    const cache = local;
    return {
      read: () => cache.read(),
      write: (profile) => {
        cache.write(profile);
        // A failed save costs the other processes a read of their own, not this drain.
        saveCompanyProfile(db, realmId, profile, new Date(time.now())).catch(() => undefined);
      },
    };
  };

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
      ...(ttl > 0 ? { companyProfileCache: await profileOf(connection.realmId) } : {}),
      ...(options.quickbooksRetry ? { retry: options.quickbooksRetry } : {}),
      ...(options.quickbooksFetch ? { fetch: options.quickbooksFetch } : {}),
      ...(onApiCall ? { onApiCall: (outcome: ApiCallOutcome) => onApiCall('quickbooks', outcome) } : {}),
    });
    return {
      readers: { hubspot: hubspot.reader, quickbooks: qbo.reader },
      writers: { hubspot: hubspot.writer, quickbooks: qbo.writer },
      company: qbo.company,
      customLineItem: qbo.customLineItems,
    };
  };
}
