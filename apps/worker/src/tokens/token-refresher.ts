import {
  createHubSpotInstallationRepository,
  createQuickBooksConnectionRepository,
  type Db,
  type TokenCipher,
} from '@ledgersync/db';
import { HubSpotOAuthError, type TokenSet } from '@ledgersync/hubspot';
import { QboError, type QboTokenSet } from '@ledgersync/quickbooks';

export type RefreshOutcome = 'refreshed' | 'revoked' | 'failed';

/**
 * Refreshes one portal's tokens and stores them (QBO: the new refresh token is stored before it is
 * used, R-CON-2): for the `refresh-tokens` task ahead of expiry, and for the HubSpot adapters
 * after a 401 (`onUnauthorized`).
 */
export interface TokenRefresher {
  refreshHubSpot(portalId: string): Promise<RefreshOutcome>;
  refreshQuickBooks(portalId: string): Promise<RefreshOutcome>;
  /** HubSpot refused `rejectedToken`: refresh unless it was already replaced (single-flight per portal). */
  refreshHubSpotAfterRejection(portalId: string, rejectedToken: string): Promise<void>;
}

/** The token endpoints the refresher calls: the adapters' OAuth clients (`refresh` of each). */
export interface OAuthClients {
  readonly hubspot: { refresh(refreshToken: string): Promise<TokenSet> };
  readonly quickbooks: { refresh(realmId: string, refreshToken: string): Promise<QboTokenSet> };
}

export interface TokenRefresherDeps {
  readonly db: Db;
  readonly cipher: TokenCipher;
  readonly oauth: OAuthClients;
  /** Told why a refresh failed (error name and message only: no token is ever in them). */
  readonly onFailure?: (side: 'hubspot' | 'quickbooks', portalId: string, error: unknown) => void;
}

/**
 * R-CON-1/R-CON-2: refreshes a portal's tokens through the adapters' OAuth code and stores the
 * new set, encrypted, before anyone can use it: Intuit and HubSpot may rotate the refresh token,
 * and a rotated token kept only in memory would be lost with the process. A grant the provider
 * refuses (revoked, uninstalled, invalid) is `revoked` (a HubSpot installation is then marked
 * `needs_reauth`, which pauses the portal); anything else (network, 5xx) is `failed`
 * and tried again on the next run, while the access token is still valid.
 */
export function createTokenRefresher(deps: TokenRefresherDeps): TokenRefresher {
  const installations = createHubSpotInstallationRepository(deps.db, deps.cipher);
  const connections = createQuickBooksConnectionRepository(deps.db, deps.cipher);
  const failed = (side: 'hubspot' | 'quickbooks', portalId: string, error: unknown): RefreshOutcome => {
    deps.onFailure?.(side, portalId, error);
    return 'failed';
  };

  // Single-flight per portal: a drain's parallel calls that all meet a 401 make one token request.
  const hubspotInFlight = new Map<string, Promise<RefreshOutcome>>();
  const refreshHubSpot = (portalId: string, rejectedToken?: string): Promise<RefreshOutcome> => {
    const running = hubspotInFlight.get(portalId);
    if (running) return running;
    const attempt = refreshHubSpotNow(portalId, rejectedToken).finally(() =>
      hubspotInFlight.delete(portalId),
    );
    hubspotInFlight.set(portalId, attempt);
    return attempt;
  };

  async function refreshHubSpotNow(portalId: string, rejectedToken?: string): Promise<RefreshOutcome> {
    const installation = await installations.find(portalId);
    if (!installation || installation.status === 'needs_reauth') return 'revoked';
    // Another caller (or process) already replaced the token HubSpot refused.
    if (rejectedToken !== undefined && installation.tokens.accessToken !== rejectedToken) return 'refreshed';
    try {
      const next = await deps.oauth.hubspot.refresh(installation.tokens.refreshToken);
      await installations.save(portalId, {
        accessToken: next.accessToken,
        refreshToken: next.refreshToken,
        accessTokenExpiresAt: new Date(next.expiresAt),
        scopes: installation.tokens.scopes,
      });
      return 'refreshed';
    } catch (error) {
      if (!(error instanceof HubSpotOAuthError && error.revoked)) return failed('hubspot', portalId, error);
      // Uninstalled or revoked: the portal waits (paused, notices kept) for the app's next install.
      await installations.markNeedsReauth(portalId);
      return 'revoked';
    }
  }

  return {
    refreshHubSpot: (portalId) => refreshHubSpot(portalId),
    async refreshHubSpotAfterRejection(portalId, rejectedToken) {
      await refreshHubSpot(portalId, rejectedToken);
    },

    async refreshQuickBooks(portalId) {
      const connection = await connections.find(portalId);
      if (!connection?.tokens) return 'revoked';
      try {
        const next = await deps.oauth.quickbooks.refresh(connection.realmId, connection.tokens.refreshToken);
        await connections.saveTokens(portalId, {
          accessToken: next.accessToken,
          refreshToken: next.refreshToken,
          accessTokenExpiresAt: new Date(next.accessTokenExpiresAt),
          refreshTokenExpiresAt: new Date(next.refreshTokenExpiresAt),
        });
        return 'refreshed';
      } catch (error) {
        if (error instanceof QboError && error.code === 'AuthorizationRevoked') return 'revoked';
        return failed('quickbooks', portalId, error);
      }
    },
  };
}
