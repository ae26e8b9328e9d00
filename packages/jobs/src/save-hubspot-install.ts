import {
  createHubSpotInstallationRepository,
  createPortalRepository,
  type Db,
  type HubSpotTokens,
  inTransaction,
  type PlanTier,
  type Portal,
  type TokenCipher,
} from '@ledgersync/db';
import { schedulePortalSync } from './schedule-portal-sync.ts';

/** What a completed HubSpot OAuth install learned: the portal, who installed, the grant. */
export interface HubSpotInstall {
  readonly hubId: bigint;
  readonly installedByUserId: string | null;
  readonly tokens: HubSpotTokens;
  /** The LedgerSync plan of a portal installing for the first time (R-CON-8); a reinstall keeps its plan. */
  readonly planTier?: PlanTier;
}

/**
 * R-CON-1: stores a completed install in one transaction: the portal (reactivated if it was
 * uninstalled) and its encrypted grant. A new install clears `needs_reauth` (HubSpot had refused
 * the old grant's refresh); the app-owned property set is recorded only once the caller ensured
 * it, until then the worker would catch it up. Notices that waited while the installation needed
 * re-authorizing are drained now, not only when the next change arrives.
 */
export async function saveHubSpotInstall(
  db: Db,
  cipher: TokenCipher,
  install: HubSpotInstall,
  at: Date,
): Promise<Portal> {
  const installations = createHubSpotInstallationRepository(db, cipher);
  return inTransaction(db, async (tx) => {
    const portal = await createPortalRepository(db).upsertInstalled(install.hubId, at, install.planTier, tx);
    await installations.saveInstall(
      portal.id,
      install.tokens,
      {
        ...(install.installedByUserId ? { installedByUserId: install.installedByUserId } : {}),
        appPropertiesVersion: 0,
      },
      tx,
    );
    if ((await tx.changeNotice.count({ where: { portalId: portal.id, processedAt: null } })) > 0)
      await schedulePortalSync(tx, portal.id, 0);
    return portal;
  });
}
