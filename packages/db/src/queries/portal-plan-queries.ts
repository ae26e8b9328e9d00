import type { DbClient } from '../client/create-prisma-client.ts';
import type { PlanTier, Portal } from '../generated/prisma/client.ts';

/** R-CON-8: sets the LedgerSync plan of the portal with HubSpot account id `hubId`; null when none. */
export async function setPortalPlan(db: DbClient, hubId: bigint, planTier: PlanTier): Promise<Portal | null> {
  const { count } = await db.portal.updateMany({ where: { hubId }, data: { planTier } });
  return count === 0 ? null : db.portal.findUnique({ where: { hubId } });
}
