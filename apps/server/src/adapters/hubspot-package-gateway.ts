import {
  createHubSpotClient,
  createHubSpotRecordCounter,
  createOAuthClient,
  ensureAppProperties,
  type PortalLimiters,
  RateLimiterRegistry,
  readInvoiceSourceOptions,
} from '@ledgersync/hubspot';
import { readHistoricalInvoices } from '../export/read-historical-invoices.ts';
import type { HubSpotGateway } from '../ports/hubspot-gateway.ts';

export interface HubSpotPackageGatewayOptions {
  basePath: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  now: () => number;
  /** The portals' budgets (by hub id) the workers spend, for calls made for a known portal. */
  limiters?: PortalLimiters;
}

const propertiesResponse = (data: unknown) =>
  ((data as { results?: unknown[] }).results ?? []) as {
    name: string;
    label: string;
    type: string;
    modificationMetadata?: { readOnlyValue?: boolean };
  }[];

/** The server's HubSpot port over `@ledgersync/hubspot` (OAuth client, SDK client, app properties). */
export function createHubSpotPackageGateway(options: HubSpotPackageGatewayOptions): HubSpotGateway {
  const oauth = createOAuthClient(options);
  const limiters = new RateLimiterRegistry({
    now: options.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  // Install-time calls come before any drain of the portal and keep a budget of their own.
  const clientFor = (accessToken: string, hubId?: string) =>
    createHubSpotClient({
      basePath: options.basePath,
      portalId: hubId ?? 'install',
      accessToken: async () => accessToken,
      rateLimiter:
        hubId !== undefined && options.limiters
          ? options.limiters.forPortal(hubId)
          : limiters.forPortal(hubId ?? 'install'),
    });
  const grant = (t: { accessToken: string; refreshToken: string; expiresAt: number }) => ({
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    expiresInSeconds: Math.max(0, Math.floor((t.expiresAt - options.now()) / 1000)),
  });
  return {
    exchangeCode: async (code) => grant(await oauth.exchangeCode(code)),
    refresh: async (refreshToken) => grant(await oauth.refresh(refreshToken)),
    async introspect(accessToken) {
      const info = await oauth.introspect(accessToken);
      return { hubId: Number(info.portalId), userId: info.userId, scopes: [...info.scopes] };
    },
    async ensureAppProperties(accessToken) {
      await ensureAppProperties(clientFor(accessToken));
    },
    readInvoiceSourceOptions: (accessToken) => readInvoiceSourceOptions(clientFor(accessToken)),
    // Keyed by the portal, so an estimate spends that portal's budget, as its syncs do.
    recordCounter: (accessToken, hubId) => createHubSpotRecordCounter(clientFor(accessToken, hubId)),
    async listInvoiceProperties(accessToken) {
      const data = await clientFor(accessToken).call('standard', (sdk) =>
        sdk.crm.properties.coreApi.getAllWithHttpInfo('invoices'),
      );
      return propertiesResponse(data).map((p) => ({
        name: p.name,
        label: p.label,
        type: p.type,
        readOnly: p.modificationMetadata?.readOnlyValue ?? false,
      }));
    },
    async revokeRefreshToken(refreshToken) {
      await fetch(`${options.basePath}/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`, {
        method: 'DELETE',
      });
    },
    async listInvoicesCreatedBefore(accessToken, before, hubId) {
      return readHistoricalInvoices(clientFor(accessToken, hubId), before);
    },
  };
}
