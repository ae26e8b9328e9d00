import type { SyncActivity } from '@ledgersync/db';
import type { ActivityEntry } from '../api-contract/common.ts';

/** One stored activity row as the card and the record view show it. */
export function toActivityEntry(a: SyncActivity): ActivityEntry {
  return {
    id: String(a.id),
    occurredAt: a.occurredAt.toISOString(),
    action: a.action,
    direction: a.direction,
    changedFields: a.changedFields,
    errorCode: a.errorCode,
    message: a.message,
  };
}
