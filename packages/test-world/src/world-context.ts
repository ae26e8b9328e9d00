import type { Db, TokenCipher } from '@ledgersync/db';

export interface HubSpotApp {
  readonly appId: number;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface QuickBooksApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What the OAuth steps of a world need: where the emulators are and where the grants go. */
export interface WorldContext {
  readonly db: Db;
  readonly cipher: TokenCipher;
  /** Where the OAuth redirects point: the server's public URL (no server needs to listen there). */
  readonly publicUrl: string;
  readonly hubspotUrl: string;
  readonly qboUrl: string;
  readonly hubspotApp: HubSpotApp;
  readonly quickbooksApp: QuickBooksApp;
}

export const hubspotRedirectUri = (c: Pick<WorldContext, 'publicUrl'>) =>
  `${c.publicUrl}/oauth/hubspot/callback`;
export const quickbooksRedirectUri = (c: Pick<WorldContext, 'publicUrl'>) =>
  `${c.publicUrl}/oauth/quickbooks/callback`;
