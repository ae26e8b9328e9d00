import type { countFailuresByCode, countRecordsByStatus, RecordLink } from '@ledgersync/db';
import type { RECORD_COLUMNS } from '../api-contract/overview.ts';
import { ALL_OBJECTS } from '../settings/stored-settings.ts';
import { explainError } from './explain-error.ts';

type StatusCounts = Awaited<ReturnType<typeof countRecordsByStatus>>;
type FailureCounts = Awaited<ReturnType<typeof countFailuresByCode>>;

/** Counts per object and status, and failures per error code in plain words, most first (R-VIS-2). */
export function overviewView(byStatus: StatusCounts, failures: FailureCounts) {
  const count = (object: string, status: string) =>
    byStatus.find((r) => r.object === object && r.status === status)?.count ?? 0;
  return {
    objects: ALL_OBJECTS.map((object) => ({
      object,
      synced: count(object, 'synced'),
      pending: count(object, 'pending'),
      failing: count(object, 'failed'),
      excluded: count(object, 'excluded'),
    })),
    errors: failures
      .flatMap(({ errorCode, count }) => {
        const info = explainError(errorCode, null);
        return info ? [{ code: info.code, title: info.title, category: info.category, count }] : [];
      })
      .sort((a, b) => b.count - a.count),
  };
}

/** One row of the record view (R-VIS-3): `id` and the chosen columns, as strings or null. */
export function recordRow(link: RecordLink, columns: readonly (typeof RECORD_COLUMNS)[number][]) {
  const all: Record<string, string | null> = {
    object: link.object,
    status: link.status,
    hubspotId: link.hubspotId,
    quickbooksId: link.quickbooksId,
    displayNumber: link.displayNumber,
    amount: link.amount?.toString() ?? null,
    currency: link.currency,
    errorCode: link.errorCode,
    exclusionReason: link.exclusionReason,
    direction: link.origin === 'hubspot' ? 'hubspot_to_quickbooks' : 'quickbooks_to_hubspot',
    lastSyncedAt: link.lastSyncedAt?.toISOString() ?? null,
    updatedAt: link.updatedAt.toISOString(),
  };
  return { id: link.id, ...Object.fromEntries(columns.map((c) => [c, all[c] ?? null])) };
}
