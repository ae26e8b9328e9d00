import type { Db } from '@ledgersync/db';
import type { Side, SyncObject } from '@ledgersync/sync-engine';
import { createChangeIntake } from './change-intake.ts';

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
      object: record.object,
      recordId: record.recordId,
      eventId: `resync:${record.object}:${record.recordId}:${at.getTime()}`,
      occurredAt: at,
    },
  ]);
}
