import type {
  countFailuresByCode,
  countRecordsByStatus,
  countUnknownInvoiceSources,
  RecordLink,
} from '@ledgersync/db';
import type { RECORD_COLUMNS } from '../api-contract/overview.ts';
import { ALL_OBJECTS } from '../settings/stored-settings.ts';
import { explainError } from './explain-error.ts';

type StatusCounts = Awaited<ReturnType<typeof countRecordsByStatus>>;
type FailureCounts = Awaited<ReturnType<typeof countFailuresByCode>>;
type UnknownSources = Awaited<ReturnType<typeof countUnknownInvoiceSources>>;

/**
 * Counts per object and status, failures per error code in plain words, most first (R-VIS-2), and
 * HubSpot invoices left out for an Invoice source LedgerSync does not know, each source named
 * (R-FLT-1: a misread source shows on day one).
 */
export function overviewView(
  byStatus: StatusCounts,
  failures: FailureCounts,
  unknownSources: UnknownSources,
) {
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
    unknownInvoiceSources: {
      count: unknownSources.reduce((sum, s) => sum + s.count, 0),
      sources: unknownSources,
    },
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
