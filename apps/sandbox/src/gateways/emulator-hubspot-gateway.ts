import {
  createHubSpotClient,
  createOAuthClient,
  ensureAppProperties,
  RateLimiterRegistry,
} from '@ledgersync/hubspot';
import type { HubSpotGateway } from '@ledgersync/server';
import { z } from 'zod';

export interface HubSpotGatewayOptions {
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const propertiesSchema = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      modificationMetadata: z.object({ readOnlyValue: z.boolean() }).partial().optional(),
    }),
  ),
});

/**
 * The server's HubSpot port, built from the adapter package's OAuth client and property installer.
 * The server ships no production gateway yet, so the sandbox assembles one; nothing here is
 * emulator-specific except the base URL.
 */
export function createHubSpotGateway(options: HubSpotGatewayOptions): HubSpotGateway {
  const oauth = createOAuthClient({
    basePath: options.apiBaseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    now: Date.now,
  });
  const limits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  const grant = (t: { accessToken: string; refreshToken: string; expiresAt: number }) => ({
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    expiresInSeconds: Math.max(0, Math.round((t.expiresAt - Date.now()) / 1000)),
  });
  return {
    exchangeCode: async (code) => grant(await oauth.exchangeCode(code)),
    refresh: async (refreshToken) => grant(await oauth.refresh(refreshToken)),
    async introspect(accessToken) {
      const info = await oauth.introspect(accessToken);
      return { hubId: Number(info.portalId), userId: info.userId, scopes: [...info.scopes] };
    },
    async ensureAppProperties(accessToken) {
      const info = await oauth.introspect(accessToken);
      const client = createHubSpotClient({
        basePath: options.apiBaseUrl,
        portalId: info.portalId,
        accessToken: async () => accessToken,
        rateLimiter: limits.forPortal(info.portalId),
      });
      await ensureAppProperties(client);
    },
    async listInvoiceProperties(accessToken) {
      const response = await fetch(`${options.apiBaseUrl}/crm/v3/properties/invoices`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (!response.ok) throw new Error(`HubSpot properties: HTTP ${response.status}`);
      return propertiesSchema.parse(await response.json()).results.map((p) => ({
        name: p.name,
        label: p.label,
        type: p.type,
        readOnly: p.modificationMetadata?.readOnlyValue ?? false,
      }));
    },
    revokeRefreshToken: (refreshToken) => oauth.revokeRefreshToken(refreshToken),
    // The historical export (R-FLT-4) needs a HubSpot search the adapter does not offer yet.
    listInvoicesCreatedBefore: async () => [],
  };
}
