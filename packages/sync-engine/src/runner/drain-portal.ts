import type { SyncError } from '../errors/sync-error-code.ts';
import { directionAllowsWriteTo } from '../merge/conflict-policy.ts';
import { applyPlanResults } from '../plan/apply-plan-results.ts';
import { objectSyncConfig } from '../plan/plan-context.ts';
import { planSyncBatch } from '../plan/plan-sync-batch.ts';
import type { ChangeNotice } from '../ports/link.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import { executeWrites } from './execute-writes.ts';
import { gatherBatch } from './gather-batch.ts';
import { type RecordRef, recordKey } from './record-key.ts';
import { backoffDelayMs, type DrainOptions, type DrainReport, type RunnerPorts } from './runner-ports.ts';

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
  };
  if (notices.length === 0) return empty;
  const settings = await ports.store.readSettings(portalId);
  // An object whose sync is off drops its notices; turning it on again resumes from the poll cursor (R-CON-5).
  const active = settings ? notices.filter((n) => objectSyncConfig(settings, n.object).enabled) : [];
  const dropped = notices.filter((n) => !active.includes(n));
  await ports.store.markNoticesProcessed(dropped.map((n) => n.id));
  if (!settings || active.length === 0) return { ...empty, processed: dropped.length };

  const waiting = new Map<string, SyncError>();
  let writes = 0;
  let failures = 0;
  let seeds: RecordRef[] = dedupe(active.map((n) => ({ side: n.side, object: n.object, id: n.recordId })));
  const context = await planContextPorts(ports, settings);
  for (let round = 0; round < (options.maxRounds ?? 4) && seeds.length > 0; round++) {
    const batch = await gatherBatch(ports, portalId, settings, seeds);
    for (const u of batch.unreadable) waiting.set(recordKey(u.ref), u.error);
    const plan = planSyncBatch({
      portalId,
      settings,
      clock: ports.clock,
      ...context,
      records: batch.records.filter((r) => !waiting.has(recordKey(r))),
      links: batch.links,
      mergeBases: batch.mergeBases,
      candidates: batch.candidates,
    });
    const results = await executeWrites(ports, plan);
    writes += results.length;
    const applied = applyPlanResults(plan, results, ports.clock);
    await ports.store.commitPlanResults(portalId, applied);
    failures += applied.statuses.filter((s) => s.state === 'failed').length;
    for (const a of applied.retryable) {
      const r = results.find((x) => x.idempotencyKey === a.command.idempotencyKey);
      if (r && !r.ok) waiting.set(recordKey({ ...a.source, object: a.object }), r.error);
    }
    seeds = dedupe(applied.pending.map((a) => ({ ...a.source, object: a.object })));
  }
  const leftOver: SyncError = {
    code: 'dependency_not_synced',
    message: 'waits for related records',
    retryable: true,
  };
  for (const s of seeds) if (!waiting.has(recordKey(s))) waiting.set(recordKey(s), leftOver);

  return settle(ports, active, waiting, options, {
    ...empty,
    processed: dropped.length,
    writes,
    failures,
  });
}

async function planContextPorts(ports: RunnerPorts, settings: PortalSettings) {
  const invoice = settings.invoice;
  if (!invoice.enabled) return { company: null, customLineItemId: null };
  const profile = await ports.company.readCompanyProfile();
  let customLineItemId: string | null = null;
  if (directionAllowsWriteTo(invoice.direction, 'quickbooks') && invoice.customLineItemIncomeAccountId) {
    const item = await ports.customLineItem.ensureCustomLineItem(invoice.customLineItemIncomeAccountId);
    if (item.ok) customLineItemId = item.itemId;
  }
  return { company: profile.ok ? profile.value : null, customLineItemId };
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

function dedupe(refs: readonly RecordRef[]): RecordRef[] {
  return [...new Map(refs.map((r) => [recordKey(r), r])).values()];
}
