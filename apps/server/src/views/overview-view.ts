import type {
  countFailuresByCode,
  countRecordsByStatus,
  countUnknownInvoiceSources,
  RecordLink,
} from '@ledgersync/db';
import type { RecordColumn, RecordRow } from '../api-contract/overview.ts';
import { ALL_OBJECTS } from '../settings/stored-settings.ts';
import { explainError, summarizeError } from './explain-error.ts';
import { explainExclusion } from './explain-exclusion.ts';
import { hubspotRecordUrl, quickbooksRecordUrl } from './record-pages.ts';

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

/** Where a row's records link to: the portal's HubSpot account and the two apps' page addresses. */
export interface RecordPages {
  hubId: bigint;
  hubspotRecordUrl: string;
  quickbooksAppUrl: string;
}

/** One row of the record view (R-VIS-3): `id` and the chosen columns, each in people's words (R-VIS-5). */
export function recordRow(link: RecordLink, columns: readonly RecordColumn[], pages: RecordPages): RecordRow {
  const all: Omit<Required<RecordRow>, 'id'> = {
    object: link.object,
    status: link.status,
    name: { object: link.object, name: link.displayName ?? link.displayNumber, detail: link.displayDetail },
    hubspotRecord: link.hubspotId
      ? {
          id: link.hubspotId,
          url: hubspotRecordUrl(pages.hubspotRecordUrl, pages.hubId, link.object, link.hubspotId),
        }
      : null,
    quickbooksRecord: link.quickbooksId
      ? {
          id: link.quickbooksId,
          url: quickbooksRecordUrl(pages.quickbooksAppUrl, link.object, link.quickbooksId),
        }
      : null,
    amount: link.amount === null ? null : { amount: link.amount.toString(), currency: link.currency },
    error: summarizeError(link.errorCode),
    exclusion: explainExclusion(link.exclusionReason, link.errorMessage),
    direction: link.origin === 'hubspot' ? 'hubspot_to_quickbooks' : 'quickbooks_to_hubspot',
    lastSyncedAt: link.lastSyncedAt?.toISOString() ?? null,
    updatedAt: link.updatedAt.toISOString(),
  };
  return { id: link.id, ...Object.fromEntries(columns.map((c) => [c, all[c]])) };
}
