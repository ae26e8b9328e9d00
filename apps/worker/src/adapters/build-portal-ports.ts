import {
  type AccessTokenSource,
  createQuickBooksAdapter,
  type RealmRateLimiter,
} from '@ledgersync/quickbooks';
import type { PortalPorts } from '../portal-ports.ts';
import { createHubSpotSideReader, createHubSpotSideWriter, type HubSpotClient } from './hubspot-adapter.ts';

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
}

/** Wires one portal's adapters into the runner's ports (no IO until a port is called). */
export function buildPortalPorts(c: PortalConnections): PortalPorts {
  // One Preferences/CompanyInfo read and one "Custom Line Item" lookup per drain, shared by the ports.
  const qbo = createQuickBooksAdapter({
    ...c.quickbooks,
    customLineItemIncomeAccountId: c.customLineItemIncomeAccountId,
  });
  return {
    readers: {
      hubspot: createHubSpotSideReader({ client: c.hubspot, now: c.now }),
      quickbooks: qbo.reader,
    },
    writers: {
      hubspot: createHubSpotSideWriter({ client: c.hubspot, now: c.now }),
      quickbooks: qbo.writer,
    },
    company: qbo.company,
    customLineItem: qbo.customLineItems,
  };
}
