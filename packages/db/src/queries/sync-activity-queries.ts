import type { DbClient } from '../client/create-prisma-client.ts';
import type { SyncActivity } from '../generated/prisma/client.ts';

const RECORD_ACTIVITY_LIMIT = 100;

/**
 * A record's activity, newest first, or null when the portal has no such record: another portal's
 * record id finds nothing, so no tenant's history leaks to another.
 */
export async function listRecordActivity(
  db: DbClient,
  portalId: string,
  recordId: string,
): Promise<SyncActivity[] | null> {
  const link = await db.recordLink.findFirst({
    where: { id: recordId, portalId },
    select: {
      activities: {
        where: { portalId },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take: RECORD_ACTIVITY_LIMIT,
      },
    },
  });
  return link?.activities ?? null;
}
