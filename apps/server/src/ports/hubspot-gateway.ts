/** What the server asks of HubSpot. The default is `adapters/hubspot-http-gateway.ts`; tests pass fakes. */
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
  listInvoiceProperties(accessToken: string): Promise<HubSpotPropertyInfo[]>;
  revokeRefreshToken(refreshToken: string): Promise<void>;
}

/** A HubSpot invoice as the historical export needs it (R-FLT-4). */
export interface HistoricalInvoice {
  id: string;
  number: string | null;
  /** YYYY-MM-DD */
  invoiceDate: string;
  dueDate: string | null;
  currency: string;
  customerName: string | null;
  customerEmail: string | null;
  lines: { name: string; description: string | null; quantity: string; unitPrice: string; amount: string }[];
}

export interface HubSpotHistoryReader {
  /** Finalized HubSpot-source invoices created before `before`, oldest first. */
  listInvoicesCreatedBefore(accessToken: string, before: Date): Promise<HistoricalInvoice[]>;
}
