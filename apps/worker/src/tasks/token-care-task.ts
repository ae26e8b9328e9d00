import type { Db } from '@ledgersync/db';
import { parseJobPayload, TOKEN_CARE_TASK } from '@ledgersync/jobs';
import type { Clock } from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';

export type RefreshOutcome = 'refreshed' | 'revoked' | 'failed';

/**
 * Refreshes one portal's tokens and stores them (QBO: the new refresh token is stored before it is
 * used, R-CON-2). Implemented over the OAuth code of the adapters; injected so this task stays
 * free of vendor calls.
 */
export interface TokenRefresher {
  refreshHubSpot(portalId: string): Promise<RefreshOutcome>;
  refreshQuickBooks(portalId: string): Promise<RefreshOutcome>;
}

export interface TokenCareDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly refresher: TokenRefresher;
  /** Refresh what expires within this window (default 15 minutes). */
  readonly aheadMs?: number;
  /**
   * After the refreshes, brings installations made before the current app-owned property set
   * up to it (tokens/app-properties-care.ts; injected like the refresher, it calls HubSpot).
   */
  readonly appProperties?: {
    catchUp(): Promise<{ readonly ensured: readonly string[]; readonly failed: number }>;
  };
}

export interface TokenCareReport {
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
export async function careForTokens(deps: TokenCareDeps): Promise<TokenCareReport> {
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

export function tokenCareTask(deps: TokenCareDeps): Task {
  return async (payload, helpers) => {
    parseJobPayload(TOKEN_CARE_TASK, payload);
    const report = await careForTokens(deps);
    helpers.logger.info(`token care: ${JSON.stringify(report)}`);
    if (deps.appProperties) {
      const properties = await deps.appProperties.catchUp();
      if (properties.ensured.length > 0 || properties.failed > 0)
        helpers.logger.info(`app properties: ${JSON.stringify(properties)}`);
    }
  };
}
