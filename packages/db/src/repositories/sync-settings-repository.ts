import type { SyncObject } from '@ledgersync/sync-engine';
import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { Prisma, SyncSettings } from '../generated/prisma/client.ts';
import { readObjectSettings } from '../queries/sync-settings-queries.ts';

export type SyncSettingsPatch = Partial<
  Pick<
    Prisma.SyncSettingsUncheckedCreateInput,
    | 'direction'
    | 'enabled'
    | 'conflictResolution'
    | 'fieldMappings'
    | 'inboundFilters'
    | 'options'
    | 'syncStartedAt'
    | 'customLineItemIncomeAccountId'
  >
>;

export function createSyncSettingsRepository(db: Db) {
  return {
    find(portalId: string, object: SyncObject, tx: DbClient = db): Promise<SyncSettings | null> {
      return readObjectSettings(tx, portalId, object);
    },
    list(portalId: string, tx: DbClient = db): Promise<SyncSettings[]> {
      return tx.syncSettings.findMany({ where: { portalId }, orderBy: { object: 'asc' } });
    },
    save(
      portalId: string,
      object: SyncObject,
      patch: SyncSettingsPatch,
      tx: DbClient = db,
    ): Promise<SyncSettings> {
      return tx.syncSettings.upsert({
        where: { portalId_object: { portalId, object } },
        create: { portalId, object, ...patch },
        update: patch,
      });
    },
    /** R-CON-3: everything off at once; links and history are kept. */
    async disableAll(portalId: string, tx: DbClient = db): Promise<number> {
      const { count } = await tx.syncSettings.updateMany({ where: { portalId }, data: { enabled: false } });
      return count;
    },
  };
}
export type SyncSettingsRepository = ReturnType<typeof createSyncSettingsRepository>;
