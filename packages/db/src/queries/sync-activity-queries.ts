import type { DbClient } from '../client/create-prisma-client.ts';
import { ACTIVITY_ORDER, type ActivityRow, mergeActivity } from './activity-rows.ts';

const RECORD_ACTIVITY_LIMIT = 100;

/**
 * A record's activity, with an invoice's payments', newest first, or null when the portal has no
 * such record: another portal's record id finds nothing, so no tenant's history leaks to another.
 */
export async function listRecordActivity(
  db: DbClient,
  portalId: string,
  recordId: string,
): Promise<ActivityRow[] | null> {
  const activities = { where: { portalId }, orderBy: ACTIVITY_ORDER, take: RECORD_ACTIVITY_LIMIT };
  const link = await db.recordLink.findFirst({
    where: { id: recordId, portalId },
    select: {
      activities,
      payments: { where: { portalId }, select: { amount: true, currency: true, activities } },
    },
  });
  return link ? mergeActivity(link, link.payments, RECORD_ACTIVITY_LIMIT) : null;
}
