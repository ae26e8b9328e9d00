import type { SyncObject } from '@ledgersync/sync-engine';
import type { Db, DbClient } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import type {
  HubSpotInstallationStatus,
  QuickBooksConnection,
  SyncSettings,
} from '../generated/prisma/client.ts';
import type { SyncSettingsPatch } from '../repositories/sync-settings-repository.ts';

/** One object's row to write: `patch` always, `onCreate` too when the row does not exist yet. */
export interface ObjectSettingsChange {
  object: SyncObject;
  patch: SyncSettingsPatch;
  onCreate?: SyncSettingsPatch;
}

/** What the settings page shows of the QuickBooks connection: never its tokens. */
export type ConnectionSummary = Pick<
  QuickBooksConnection,
  'status' | 'realmId' | 'companyName' | 'country' | 'homeCurrency' | 'connectedAt'
>;

export interface SettingsRows {
  connection: ConnectionSummary | null;
  objects: SyncSettings[];
  /** Null when the portal holds no HubSpot grant (uninstalled). */
  hubspotStatus: HubSpotInstallationStatus | null;
}

export function readObjectSettings(
  db: DbClient,
  portalId: string,
  object: SyncObject,
): Promise<SyncSettings | null> {
  return db.syncSettings.findUnique({ where: { portalId_object: { portalId, object } } });
}

/** The portal's settings rows with the state of both connections, in one query (the settings page). */
export async function readSettings(db: DbClient, portalId: string): Promise<SettingsRows> {
  const portal = await db.portal.findUnique({
    where: { id: portalId },
    select: {
      syncSettings: { orderBy: { object: 'asc' } },
      quickbooksConnection: {
        select: {
          status: true,
          realmId: true,
          companyName: true,
          country: true,
          homeCurrency: true,
          connectedAt: true,
        },
      },
      hubspotInstallation: { select: { status: true } },
    },
  });
  return {
    connection: portal?.quickbooksConnection ?? null,
    objects: portal?.syncSettings ?? [],
    hubspotStatus: portal?.hubspotInstallation?.status ?? null,
  };
}

/** The objects whose sync is turned on. */
export async function listEnabledObjects(db: DbClient, portalId: string): Promise<SyncObject[]> {
  const rows = await db.syncSettings.findMany({
    where: { portalId, enabled: true },
    select: { object: true },
    orderBy: { object: 'asc' },
  });
  return rows.map((r) => r.object);
}

/** Writes several objects' settings in one transaction (an object and the ones that follow it). */
export function saveObjectSettings(
  db: Db,
  portalId: string,
  changes: readonly ObjectSettingsChange[],
): Promise<SyncSettings[]> {
  return inTransaction(db, async (tx) => {
    const saved: SyncSettings[] = [];
    for (const { object, patch, onCreate } of changes) {
      saved.push(
        await tx.syncSettings.upsert({
          where: { portalId_object: { portalId, object } },
          create: { portalId, object, ...patch, ...onCreate },
          update: patch,
        }),
      );
    }
    return saved;
  });
}

/**
 * Reads an object's settings and writes what `change` makes of them, in one transaction: JSON
 * columns hold several settings, and an edit of one must keep the others.
 */
export function updateObjectSettings(
  db: Db,
  portalId: string,
  object: SyncObject,
  change: (current: SyncSettings | null) => SyncSettingsPatch,
): Promise<SyncSettings> {
  return inTransaction(db, async (tx) => {
    const patch = change(await readObjectSettings(tx, portalId, object));
    return tx.syncSettings.upsert({
      where: { portalId_object: { portalId, object } },
      create: { portalId, object, ...patch },
      update: patch,
    });
  });
}
