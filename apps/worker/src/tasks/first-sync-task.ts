import {
  type Db,
  findSyncRun,
  finishSyncRun,
  inTransaction,
  recordSyncRunPage,
  setSyncRunTotal,
} from '@ledgersync/db';
import { FIRST_SYNC_TASK, parseJobPayload, queueFirstSyncPage } from '@ledgersync/jobs';
import type { PortsFor } from '@ledgersync/portal-adapters';
import {
  type Clock,
  directionAllowsWriteTo,
  otherSide,
  type RecordRef,
  recordKey,
  syncRecords,
} from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';
import { openPage, PAUSED_RETRY_MS } from './open-page.ts';

export interface FirstSyncDeps {
  readonly db: Db;
  readonly portsFor: PortsFor;
  readonly clock: Clock;
}

/** "Changed since the beginning": every record of the object, paged as the poll pages. */
const EVERYTHING = new Date(0).toISOString();

/**
 * One page of a first sync (R-CON-7). The page's records go through the same pass as a drain
 * (`syncRecords`): its filters, its matching by email or SKU (pairs found are linked, the conflict
 * rule settling values that differ, R-MAP-2), its creates. The counts, the next cursor and the
 * next page's job are stored in one transaction, and a job runs only the page it was queued for,
 * so a page retried after a crash repeats no count; the records it repeats are linked by then.
 */
export function firstSyncTask(deps: FirstSyncDeps): Task {
  return async (payload) => {
    const { syncRunId, page } = parseJobPayload(FIRST_SYNC_TASK, payload);
    await runFirstSyncPage(deps, syncRunId, page);
  };
}

export async function runFirstSyncPage(deps: FirstSyncDeps, syncRunId: string, page: number): Promise<void> {
  const { db } = deps;
  const run = await findSyncRun(db, syncRunId);
  if (run?.status !== 'running' || run.pages !== page) return;
  const { portalId, object, sourceSide } = run;
  const opened = await openPage(deps, portalId);
  if (opened.kind === 'stopped') {
    await finishSyncRun(db, run.id, 'cancelled', deps.clock.now(), 'the portal was disconnected');
    return;
  }
  if (opened.kind === 'waiting') {
    await queueFirstSyncPage(db, run, page, PAUSED_RETRY_MS);
    return;
  }
  const { ports, settings, store } = opened;
  const rule = settings[object as 'customer' | 'product'];
  if (!rule.enabled || !directionAllowsWriteTo(rule.direction, otherSide(sourceSide))) {
    await finishSyncRun(db, run.id, 'cancelled', deps.clock.now(), 'the rule no longer syncs from this side');
    return;
  }
  if (page === 0) {
    const counted = await ports.counters[sourceSide].countRecords(object);
    if (!counted.ok)
      throw new Error(`first sync ${syncRunId}: ${counted.error.code}: ${counted.error.message}`);
    await setSyncRunTotal(db, run.id, counted.value);
  }
  const read = await ports.readers[sourceSide].readChangedSince(object, EVERYTHING, run.cursor ?? undefined);
  if (!read.ok) {
    // A transient failure (rate limit, outage) is retried by the queue with its backoff.
    if (read.error.retryable)
      throw new Error(`first sync ${syncRunId}: ${read.error.code}: ${read.error.message}`);
    await finishSyncRun(db, run.id, 'failed', deps.clock.now(), `${read.error.code}: ${read.error.message}`);
    return;
  }
  const seeds: RecordRef[] = read.value.records
    .filter((r) => !r.deleted)
    .map((r) => ({ side: sourceSide, object, id: r.id }));
  const result = await syncRecords({ ...ports, store, clock: deps.clock }, portalId, settings, seeds);
  const unsettled = (s: RecordRef) => result.waiting.has(recordKey(s)) || result.failed.has(recordKey(s));
  const failed = seeds.filter(unsettled).length;
  // What the run neither created nor left out had its counterpart already: matched now by email
  // or SKU, or linked before the page (by a live change, or by an earlier run). Counting only this
  // page's matches would call those "created".
  const linked = seeds.filter((s) => {
    const key = recordKey(s);
    return !unsettled(s) && !result.created.has(key) && !result.excluded.has(key);
  }).length;
  const excluded = seeds.filter((s) => !unsettled(s) && result.excluded.has(recordKey(s))).length;
  const next = read.value.nextPageToken;
  await inTransaction(db, async (tx) => {
    const stored = await recordSyncRunPage(tx, run.id, {
      page,
      done: seeds.length - failed,
      failed,
      linked,
      excluded,
      nextCursor: next,
      at: deps.clock.now(),
    });
    // Cancelled meanwhile: the page's records stay synced, no next page is queued.
    if (stored && next) await queueFirstSyncPage(tx, run, page + 1);
  });
}
