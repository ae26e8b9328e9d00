import {
  type AccessTokenSource,
  type CompanyProfileCache,
  createQuickBooksAdapter,
  type RealmRateLimiter,
} from '@ledgersync/quickbooks';
import type { CustomMapping } from '@ledgersync/sync-engine';
import type { PortalPorts } from '../portal-ports.ts';
import {
  createHubSpotSideReader,
  createHubSpotSideWriter,
  customInvoiceProperties,
  type HubSpotClient,
} from './hubspot-adapter.ts';

export interface PortalConnections {
  readonly hubspot: HubSpotClient;
  readonly quickbooks: {
    readonly baseUrl: string;
    readonly realmId: string;
    readonly tokens: AccessTokenSource;
    readonly limiter: RealmRateLimiter;
    readonly fetch?: typeof fetch;
  };
  readonly customLineItemIncomeAccountId: string | null;
  readonly now: () => number;
  /** The realm's Preferences/CompanyInfo kept between drains. */
  readonly companyProfileCache?: CompanyProfileCache;
  /** The invoice custom mappings (R-MAP-4): HubSpot reads and writes their properties. */
  readonly customMappings?: readonly CustomMapping[];
}

/** Wires one portal's adapters into the runner's ports (no IO until a port is called). */
export function buildPortalPorts(c: PortalConnections): PortalPorts {
  // One Preferences/CompanyInfo read and one "Custom Line Item" lookup per drain, shared by the ports.
  const qbo = createQuickBooksAdapter({
    ...c.quickbooks,
    customLineItemIncomeAccountId: c.customLineItemIncomeAccountId,
    ...(c.companyProfileCache ? { companyProfileCache: c.companyProfileCache } : {}),
  });
  const hubspot = {
    client: c.hubspot,
    now: c.now,
    customInvoiceProperties: customInvoiceProperties(c.customMappings ?? []),
  };
  return {
    readers: {
      hubspot: createHubSpotSideReader(hubspot),
      quickbooks: qbo.reader,
    },
    writers: {
      hubspot: createHubSpotSideWriter(hubspot),
      quickbooks: qbo.writer,
    },
    company: qbo.company,
    customLineItem: qbo.customLineItems,
  };
}
