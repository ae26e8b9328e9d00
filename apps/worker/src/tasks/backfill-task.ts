import {
  beginBackfill,
  cancelBackfill,
  type Db,
  findBackfill,
  inTransaction,
  recordBackfillPage,
} from '@ledgersync/db';
import { BACKFILL_TASK, parseJobPayload, queueBackfillPage } from '@ledgersync/jobs';
import type { PortsFor } from '@ledgersync/portal-adapters';
import { type Clock, type RecordRef, recordKey, syncRecords } from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';
import { openPage, PAUSED_RETRY_MS } from './open-page.ts';

export interface BackfillDeps {
  readonly db: Db;
  readonly portsFor: PortsFor;
  readonly clock: Clock;
}

/**
 * One page of a backfill of historical HubSpot invoices (R-FLT-4). The outbound filter "created
 * after the sync was turned on" (R-FLT-1) is what makes them historical, so for these records the
 * start moment is moved back to the range's start; the other filters (source HubSpot, not a draft)
 * still apply. The total is counted up front with HubSpot search's `total`, so the bar moves from
 * 0 to 100; done and failed grow apart. The page's counts, the next cursor and the next page's job
 * are stored in one transaction, and a job runs only the page it was queued for, so a page retried
 * after a crash repeats no count and the portal's live changes are drained between pages.
 */
export function backfillTask(deps: BackfillDeps): Task {
  return async (payload) => {
    const { backfillId, page } = parseJobPayload(BACKFILL_TASK, payload);
    await runBackfillPage(deps, backfillId, page);
  };
}

export async function runBackfillPage(deps: BackfillDeps, backfillId: string, page: number): Promise<void> {
  const { db } = deps;
  const backfill = await findBackfill(db, backfillId);
  if (!backfill || (backfill.status !== 'pending' && backfill.status !== 'running')) return;
  if (backfill.pages !== page) return;
  const portalId = backfill.portalId;
  const opened = await openPage(deps, portalId);
  if (opened.kind === 'stopped') {
    await cancelBackfill(db, backfillId, deps.clock.now());
    return;
  }
  if (opened.kind === 'waiting') {
    await queueBackfillPage(db, backfill, page, PAUSED_RETRY_MS);
    return;
  }
  const { ports, settings, store } = opened;
  const startedAt = settings.invoice.syncStartedAt;
  const from = backfill.from.toISOString();
  const widened = {
    ...settings,
    invoice: { ...settings.invoice, syncStartedAt: startedAt && startedAt < from ? startedAt : from },
  };
  // Counted once, before the first page; a page retried after the count keeps the total it has.
  if (backfill.startedAt === null) {
    const counted = await ports.counters.hubspot.countRecords('invoice', {
      from,
      to: backfill.to.toISOString(),
    });
    if (!counted.ok)
      throw new Error(`backfill ${backfillId}: ${counted.error.code}: ${counted.error.message}`);
    await beginBackfill(db, backfillId, counted.value, deps.clock.now());
  }
  const read = await ports.readers.hubspot.readChangedSince('invoice', from, backfill.cursor ?? undefined);
  if (!read.ok) throw new Error(`backfill ${backfillId}: ${read.error.code}: ${read.error.message}`);
  const inRange = read.value.records.filter(
    (r) =>
      Date.parse(r.createdAt) >= backfill.from.getTime() && Date.parse(r.createdAt) <= backfill.to.getTime(),
  );
  const seeds: RecordRef[] = inRange.map((r) => ({ side: 'hubspot', object: 'invoice', id: r.id }));
  const result = await syncRecords({ ...ports, store, clock: deps.clock }, portalId, widened, seeds);
  const failed = seeds.filter(
    (s) => result.waiting.has(recordKey(s)) || result.failed.has(recordKey(s)),
  ).length;
  const next = read.value.nextPageToken;
  await inTransaction(db, async (tx) => {
    const stored = await recordBackfillPage(tx, backfillId, {
      page,
      done: seeds.length - failed,
      failed,
      nextCursor: next,
      at: deps.clock.now(),
    });
    // Cancelled meanwhile: the page's invoices stay synced, no next page is queued.
    if (stored && next) await queueBackfillPage(tx, backfill, page + 1);
  });
}
