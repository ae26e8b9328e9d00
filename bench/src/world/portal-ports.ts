import {
  createHubSpotClient,
  createHubSpotSideReader,
  createHubSpotSideWriter,
  ensureAppProperties,
  type PortalRateLimiter,
} from '@ledgersync/hubspot';
import { createQuickBooksAdapter, type RealmRateLimiter, staticAccessToken } from '@ledgersync/quickbooks';
import type { PortalPorts } from '@ledgersync/worker';

export interface PortalAccess {
  readonly hubspotUrl: string;
  readonly hubId: string;
  readonly hubspotToken: string;
  readonly hubspotLimiter: PortalRateLimiter;
  readonly qboUrl: string;
  readonly realmId: string;
  readonly qboToken: string;
  readonly qboLimiter: RealmRateLimiter;
  readonly incomeAccountId: string;
}

/**
 * The same adapters the production worker wires (apps/worker wire-adapters), with static tokens:
 * the bench measures sync, not token care.
 */
export async function portalPorts(a: PortalAccess, o: { ensureProperties: boolean }): Promise<PortalPorts> {
  const hubspot = createHubSpotClient({
    basePath: a.hubspotUrl,
    portalId: a.hubId,
    accessToken: async () => a.hubspotToken,
    rateLimiter: a.hubspotLimiter,
  });
  // One Preferences/CompanyInfo read and one "Custom Line Item" lookup serve every QBO port.
  const qbo = createQuickBooksAdapter({
    baseUrl: a.qboUrl,
    realmId: a.realmId,
    tokens: staticAccessToken(a.qboToken),
    limiter: a.qboLimiter,
    customLineItemIncomeAccountId: a.incomeAccountId,
  });
  // What the install does once per portal (the app's own invoice properties).
  if (o.ensureProperties) await ensureAppProperties(hubspot);
  return {
    readers: {
      hubspot: createHubSpotSideReader({ client: hubspot, now: Date.now }),
      quickbooks: qbo.reader,
    },
    writers: {
      hubspot: createHubSpotSideWriter({ client: hubspot, now: Date.now }),
      quickbooks: qbo.writer,
    },
    company: qbo.company,
    customLineItem: qbo.customLineItems,
  };
}
