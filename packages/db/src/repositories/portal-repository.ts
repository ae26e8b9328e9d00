import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { PlanTier, Portal } from '../generated/prisma/client.ts';

export function createPortalRepository(db: Db) {
  return {
    /**
     * Installing again (after an uninstall) reactivates the same portal row and keeps its history
     * and its plan: `planTier` is the plan of a new install only (R-CON-8).
     */
    upsertInstalled(
      hubId: bigint,
      installedAt: Date,
      planTier?: PlanTier,
      tx: DbClient = db,
    ): Promise<Portal> {
      return tx.portal.upsert({
        where: { hubId },
        create: { hubId, installedAt, ...(planTier ? { planTier } : {}) },
        update: { installedAt, uninstalledAt: null },
      });
    },
    findByHubId(hubId: bigint, tx: DbClient = db): Promise<Portal | null> {
      return tx.portal.findUnique({ where: { hubId } });
    },
    findById(id: string, tx: DbClient = db): Promise<Portal | null> {
      return tx.portal.findUnique({ where: { id } });
    },
    markUninstalled(id: string, at: Date, tx: DbClient = db): Promise<Portal> {
      return tx.portal.update({ where: { id }, data: { uninstalledAt: at } });
    },
  };
}
export type PortalRepository = ReturnType<typeof createPortalRepository>;
