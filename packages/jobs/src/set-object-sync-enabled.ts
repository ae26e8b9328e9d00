import { type Db, inTransaction } from '@ledgersync/db';
import type { SyncObject } from '@ledgersync/sync-engine';
import { isFirstSyncObject, sourceSidesOf, startFirstSync } from './first-sync.ts';
import { schedulePortalPoll } from './schedule-portal-poll.ts';

/**
 * R-CON-5: turning one object's sync off stops its work at once (its pending notices are closed)
 * and keeps its links; turning it on again records when (the first time) and polls from the
 * cursor, so what changed meanwhile is caught up. Turning contacts or products on also starts a
 * first sync of the records already on each source side (R-CON-7).
 */
export async function setObjectSyncEnabled(
  db: Db,
  portalId: string,
  object: Exclude<SyncObject, 'payment'>,
  enabled: boolean,
  at: Date = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await tx.syncSettings.upsert({
      where: { portalId_object: { portalId, object } },
      create: { portalId, object, enabled, ...(enabled ? { syncStartedAt: at } : {}) },
      update: { enabled },
    });
    if (enabled && row.syncStartedAt === null) {
      await tx.syncSettings.update({ where: { id: row.id }, data: { syncStartedAt: at } });
    }
    if (!enabled) {
      const objects: SyncObject[] = object === 'invoice' ? [object, 'payment'] : [object];
      await tx.changeNotice.updateMany({
        where: { portalId, processedAt: null, object: { in: objects } },
        data: { processedAt: at, lastError: 'sync_off' },
      });
    } else {
      await schedulePortalPoll(tx, portalId);
      if (isFirstSyncObject(object)) {
        for (const side of sourceSidesOf(row.direction)) await startFirstSync(tx, portalId, object, side);
      }
    }
  });
}
