import type { Db } from '@ledgersync/db';
import { parseJobPayload, REFRESH_TOKENS_TASK } from '@ledgersync/jobs';
import type { Clock } from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';
import type { RefreshOutcome, TokenRefresher } from '../tokens/token-refresher.ts';

export interface RefreshTokensDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** The OAuth refresh of one portal's tokens; injected so this task stays free of vendor calls. */
  readonly refresher: Pick<TokenRefresher, 'refreshHubSpot' | 'refreshQuickBooks'>;
  /** Refresh what expires within this window (default 15 minutes). */
  readonly aheadMs?: number;
}

export interface TokenRefreshReport {
  readonly refreshed: number;
  readonly revoked: readonly string[];
  readonly failed: number;
}

/**
 * R-CON-1, R-ERR-7: refreshes access tokens ahead of expiry. A revoked QBO authorization marks the
 * connection `needs_reauth`, a HubSpot refresh refused (app uninstalled, grant revoked) marks the
 * installation `needs_reauth` (the refresher does, on every path that refreshes); either pauses the
 * portal's syncs (its notices wait) and is what the UI shows. A transient failure is simply tried
 * again on the next run, before the token expires.
 */
export async function refreshExpiringTokens(deps: RefreshTokensDeps): Promise<TokenRefreshReport> {
  const before = new Date(deps.clock.now().getTime() + (deps.aheadMs ?? 15 * 60_000));
  const [hubspot, quickbooks] = await Promise.all([
    deps.db.hubSpotInstallation.findMany({
      where: { status: 'active', accessTokenExpiresAt: { lte: before }, portal: { uninstalledAt: null } },
      select: { portalId: true },
    }),
    deps.db.quickBooksConnection.findMany({
      where: { status: 'connected', accessTokenExpiresAt: { lte: before }, portal: { uninstalledAt: null } },
      select: { portalId: true },
    }),
  ]);
  let refreshed = 0;
  let failed = 0;
  const revoked: string[] = [];
  const count = (outcome: RefreshOutcome, portalId: string) => {
    if (outcome === 'refreshed') refreshed++;
    else if (outcome === 'failed') failed++;
    else revoked.push(portalId);
  };
  for (const { portalId } of hubspot) count(await deps.refresher.refreshHubSpot(portalId), portalId);
  for (const { portalId } of quickbooks) {
    const outcome = await deps.refresher.refreshQuickBooks(portalId);
    count(outcome, portalId);
    if (outcome === 'revoked') {
      await deps.db.quickBooksConnection.updateMany({
        where: { portalId },
        data: { status: 'needs_reauth' },
      });
    }
  }
  return { refreshed, revoked, failed };
}

export function refreshTokensTask(deps: RefreshTokensDeps): Task {
  return async (payload, helpers) => {
    parseJobPayload(REFRESH_TOKENS_TASK, payload);
    const report = await refreshExpiringTokens(deps);
    helpers.logger.info(`token refresh: ${JSON.stringify(report)}`);
  };
}
