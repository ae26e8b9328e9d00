import type { HistoricalInvoice, InvoiceSourceOption } from '@ledgersync/hubspot';
import type { RecordCounter } from '@ledgersync/sync-engine';

/** What the server asks of HubSpot. The default is `adapters/hubspot-package-gateway.ts`; tests pass fakes. */
export interface HubSpotTokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export interface HubSpotTokenInfo {
  hubId: number;
  userId: string | null;
  scopes: string[];
}

export interface HubSpotPropertyInfo {
  name: string;
  label: string;
  type: string;
  readOnly: boolean;
}

export interface HubSpotGateway extends HubSpotHistoryReader {
  exchangeCode(code: string): Promise<HubSpotTokenGrant>;
  refresh(refreshToken: string): Promise<HubSpotTokenGrant>;
  introspect(accessToken: string): Promise<HubSpotTokenInfo>;
  /** Creates the app-owned invoice properties (sync status, QBO number, link); idempotent. */
  ensureAppProperties(accessToken: string): Promise<void>;
  /** The options of the portal's `hs_invoice_source` definition (R-FLT-1). */
  readInvoiceSourceOptions(accessToken: string): Promise<InvoiceSourceOption[]>;
  listInvoiceProperties(accessToken: string): Promise<HubSpotPropertyInfo[]>;
  revokeRefreshToken(refreshToken: string): Promise<void>;
  /** Counts the portal's records with search's `total` (R-CON-7's estimate before a first sync). */
  recordCounter(accessToken: string, hubId: string): RecordCounter;
}

export type { HistoricalInvoice };

export interface HubSpotHistoryReader {
  /**
   * Finalized HubSpot-source invoices created before `before`, oldest first. Many pages: the calls
   * spend the budget of the portal `hubId` with its drains.
   */
  listInvoicesCreatedBefore(accessToken: string, before: Date, hubId: string): Promise<HistoricalInvoice[]>;
}
