import { createChangeIntake, type Db, inTransaction, syncPortalJobKey, toDbObject } from '@ledgersync/db';
import type { Side, SyncObject } from '@ledgersync/sync-engine';
import { POLL_PORTAL_KEY, RETRY_KEY } from './job-keys.ts';

// What the server (W7) calls for the settings life cycle and the card's "Resync". Everything is
// done in the database, in transactions, so no HTTP passes between the server and the worker.

/**
 * R-CON-3: disconnecting QBO or uninstalling stops every sync of the portal at once. Tokens are
 * wiped (revoking them at Intuit/HubSpot is the server's OAuth code's part, before calling this),
 * pending notices are closed and every queued job of the portal is removed. Links and history stay.
 */
export async function disconnectPortal(
  db: Db,
  portalId: string,
  cause: 'quickbooks_disconnected' | 'uninstalled',
  at: Date = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.quickBooksConnection.updateMany({
      where: { portalId },
      data: { status: 'disconnected', disconnectedAt: at, accessToken: null, refreshToken: null },
    });
    if (cause === 'uninstalled')
      await tx.portal.updateMany({ where: { id: portalId }, data: { uninstalledAt: at } });
    await tx.changeNotice.updateMany({
      where: { portalId, processedAt: null },
      data: { processedAt: at, lastError: cause },
    });
    for (const key of [syncPortalJobKey(portalId), RETRY_KEY(portalId), POLL_PORTAL_KEY(portalId)]) {
      await tx.$executeRaw`SELECT graphile_worker.remove_job(${key})`;
    }
    await tx.$executeRaw`
      DELETE FROM graphile_worker._private_jobs
      WHERE locked_at IS NULL AND (payload->>'portalId') = ${portalId}`;
  });
}

/**
 * R-CON-5: turning one object's sync off stops its work at once (its pending notices are closed)
 * and keeps its links; turning it on again records when (the first time) and polls from the
 * cursor, so what changed meanwhile is caught up.
 */
export async function setObjectSyncEnabled(
  db: Db,
  portalId: string,
  object: Exclude<SyncObject, 'payment'>,
  enabled: boolean,
  at: Date = new Date(),
): Promise<void> {
  const dbObject = toDbObject(object);
  await inTransaction(db, async (tx) => {
    const row = await tx.syncSettings.upsert({
      where: { portalId_object: { portalId, object: dbObject } },
      create: { portalId, object: dbObject, enabled, ...(enabled ? { syncStartedAt: at } : {}) },
      update: { enabled },
    });
    if (enabled && row.syncStartedAt === null) {
      await tx.syncSettings.update({ where: { id: row.id }, data: { syncStartedAt: at } });
    }
    if (!enabled) {
      const objects = object === 'invoice' ? [dbObject, toDbObject('payment')] : [dbObject];
      await tx.changeNotice.updateMany({
        where: { portalId, processedAt: null, object: { in: objects } },
        data: { processedAt: at, lastError: 'sync_off' },
      });
    } else {
      await tx.$executeRaw`SELECT graphile_worker.add_job('poll-portal', json_build_object('portalId', ${portalId}::text), job_key := ${POLL_PORTAL_KEY(portalId)})`;
    }
  });
}

/** The card's "Resync" (R-VIS-1): a fresh notice for the record, drained like any change. */
export async function requestResync(
  db: Db,
  portalId: string,
  record: { side: Side; object: SyncObject; recordId: string },
  options: { debounceMs?: number; at?: Date } = {},
): Promise<void> {
  const at = options.at ?? new Date();
  await createChangeIntake(db, { debounceMs: options.debounceMs ?? 0 }).record([
    {
      portalId,
      side: record.side,
      object: toDbObject(record.object),
      recordId: record.recordId,
      eventId: `resync:${record.object}:${record.recordId}:${at.getTime()}`,
      occurredAt: at,
    },
  ]);
}
