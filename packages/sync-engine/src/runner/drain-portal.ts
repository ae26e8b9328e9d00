import type { SyncError } from '../errors/sync-error-code.ts';
import { objectSyncConfig } from '../plan/plan-context.ts';
import type { ChangeNotice } from '../ports/link.ts';
import { recordKey } from './record-key.ts';
import { backoffDelayMs, type DrainOptions, type DrainReport, type RunnerPorts } from './runner-ports.ts';
import { syncRecords } from './sync-records.ts';

const CONNECTION_CODES = new Set(['authorization_expired', 'authorization_revoked']);

/**
 * One pass over a portal's pending changes: claim notices, read both sides, plan, write, store.
 * A failing record never blocks the others. A transient failure (rate limit, 5xx, network,
 * expired token) leaves its notice pending with backoff (R-ERR-7); a data error is stored on the
 * record and its notice is done: it is retried when the record changes again or a user asks.
 */
export async function drainPortal(
  ports: RunnerPorts,
  portalId: string,
  options: DrainOptions = {},
): Promise<DrainReport> {
  const now = ports.clock.now();
  const notices = await ports.store.claimNotices(portalId, options.batchSize ?? 200, now);
  const empty = {
    claimed: notices.length,
    processed: 0,
    deferred: 0,
    writes: 0,
    failures: 0,
    connectionError: null,
    changeToWrite: [],
    stages: [],
  };
  if (notices.length === 0) return empty;
  const settings = await ports.store.readSettings(portalId);
  // An object whose sync is off drops its notices; turning it on again resumes from the poll cursor (R-CON-5).
  const active = settings ? notices.filter((n) => objectSyncConfig(settings, n.object).enabled) : [];
  const dropped = notices.filter((n) => !active.includes(n));
  await ports.store.markNoticesProcessed(dropped.map((n) => n.id));
  if (!settings || active.length === 0) return { ...empty, processed: dropped.length };

  const seeds = active.map((n) => ({
    side: n.side,
    object: n.object,
    id: n.recordId,
    ...(n.mergedInto === null ? {} : { mergedInto: n.mergedInto }),
  }));
  const { waiting, writes, failures, written } = await syncRecords(ports, portalId, settings, seeds, options);
  const writtenAt = ports.clock.now().getTime();
  const startedAt = now.getTime();
  const writtenNotices = active.filter((n) =>
    written.has(recordKey({ side: n.side, object: n.object, id: n.recordId })),
  );
  const changeToWrite = writtenNotices.map((n) => ({
    from: n.side,
    ms: Math.max(0, writtenAt - Date.parse(n.occurredAt)),
  }));
  const stages = writtenNotices.map((n) => {
    const occurred = Date.parse(n.occurredAt);
    const received = Math.max(occurred, Date.parse(n.receivedAt));
    return {
      from: n.side,
      ms: {
        notice: received - occurred,
        queue: Math.max(0, startedAt - received),
        write: Math.max(0, writtenAt - Math.max(startedAt, received)),
      },
    };
  });

  return settle(ports, active, waiting, options, {
    ...empty,
    processed: dropped.length,
    writes,
    failures,
    changeToWrite,
    stages,
  });
}

async function settle(
  ports: RunnerPorts,
  notices: readonly ChangeNotice[],
  waiting: ReadonlyMap<string, SyncError>,
  options: DrainOptions,
  report: DrainReport,
): Promise<DrainReport> {
  const done: string[] = [];
  let deferred = 0;
  let connectionError: DrainReport['connectionError'] = null;
  const now = ports.clock.now().getTime();
  for (const n of notices) {
    const error = waiting.get(recordKey({ side: n.side, object: n.object, id: n.recordId }));
    if (!error) {
      done.push(n.id);
      continue;
    }
    if (CONNECTION_CODES.has(error.code)) connectionError ??= { side: n.side, code: error.code };
    deferred++;
    await ports.store.deferNotices(
      [n.id],
      new Date(now + backoffDelayMs(n.attempts, options)),
      `${error.code}: ${error.message}`,
    );
  }
  await ports.store.markNoticesProcessed(done);
  return { ...report, processed: report.processed + done.length, deferred, connectionError };
}
