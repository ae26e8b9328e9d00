import type { CompanySnapshot } from '@ledgersync/quickbooks';
import type { RecordCounter } from '@ledgersync/sync-engine';

/** What the server asks of QuickBooks Online. Default: `adapters/quickbooks-package-gateway.ts`. */
export interface QuickBooksTokenGrant {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
}

/** CompanyInfo and Preferences, reduced to what set-up and the recommendations check need. */
export type QuickBooksCompanySnapshot = CompanySnapshot;

export interface QuickBooksAccount {
  id: string;
  name: string;
}

/** An active sales tax code of the company (R-ERR-5: what a tax mapping may point at). */
export interface QuickBooksTaxCode {
  id: string;
  name: string;
  description: string | null;
}

export interface QuickBooksGateway {
  authorizeUrl(state: string): string;
  /** The redirect URI is the gateway's own configuration (it must equal the authorize one). */
  exchangeCode(code: string, realmId: string, now: Date): Promise<QuickBooksTokenGrant>;
  refresh(realmId: string, refreshToken: string, now: Date): Promise<QuickBooksTokenGrant>;
  company(realmId: string, accessToken: string): Promise<QuickBooksCompanySnapshot>;
  listIncomeAccounts(realmId: string, accessToken: string): Promise<QuickBooksAccount[]>;
  listTaxCodes(realmId: string, accessToken: string): Promise<QuickBooksTaxCode[]>;
  /** Customers whose display name contains `text`, at most 20, for a filter's customer picker. */
  searchCustomers(realmId: string, accessToken: string, text: string): Promise<QuickBooksAccount[]>;
  revoke(token: string): Promise<void>;
  /** Counts the company's records with `select count(*)` (R-CON-7's estimate before a first sync). */
  recordCounter(realmId: string, accessToken: string): RecordCounter;
}
