import type { SyncError } from '../errors/sync-error-code.ts';
import { directionAllowsWriteTo } from '../merge/conflict-policy.ts';
import { applyPlanResults } from '../plan/apply-plan-results.ts';
import { planSyncBatch } from '../plan/plan-sync-batch.ts';
import type { RecordStatus } from '../ports/link.ts';
import { recordLabel } from '../records/record-label.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import { executeWrites } from './execute-writes.ts';
import { failInvalidRecords } from './fail-invalid-records.ts';
import { gatherBatch } from './gather-batch.ts';
import { holdDependents } from './hold-dependents.ts';
import { type KnownRecords, rememberWrites } from './known-records.ts';
import { type RecordRef, recordKey } from './record-key.ts';
import type { DrainOptions, RunnerPorts } from './runner-ports.ts';

export interface SyncRecordsResult {
  /** Records that must be tried again later, by `recordKey`, with the reason. */
  readonly waiting: Map<string, SyncError>;
  readonly writes: number;
  readonly failures: number;
  /** Records (by `recordKey`) stored as failed in this pass: a record's own count of failures. */
  readonly failed: ReadonlySet<string>;
  /** Records (by `recordKey`) matched by email or SKU and linked to their counterpart in this pass. */
  readonly linked: ReadonlySet<string>;
  /** Records (by `recordKey`) whose change was written to the other side in this pass. */
  readonly written: ReadonlySet<string>;
  /** Of those, the records whose counterpart this pass created. */
  readonly created: ReadonlySet<string>;
  /** Records (by `recordKey`) a filter or rule left out in this pass. */
  readonly excluded: ReadonlySet<string>;
}

/**
 * Syncs a set of records: gather, plan, write, apply, commit; again for records that waited on
 * creates of the same pass (at most `maxRounds`). Used by the drain and by the backfill (which
 * passes settings whose start moment covers the backfilled range, R-FLT-4).
 */
export async function syncRecords(
  ports: RunnerPorts,
  portalId: string,
  settings: PortalSettings,
  records: readonly RecordRef[],
  options: DrainOptions = {},
): Promise<SyncRecordsResult> {
  const waiting = new Map<string, SyncError>();
  const written = new Set<string>();
  const failed = new Set<string>();
  const linked = new Set<string>();
  const created = new Set<string>();
  const excluded = new Set<string>();
  let writes = 0;
  let failures = 0;
  let seeds = dedupe(records);
  const context = await planContextPorts(ports, settings);
  const known: KnownRecords = new Map();
  for (let round = 0; round < (options.maxRounds ?? 4) && seeds.length > 0; round++) {
    const batch = await gatherBatch(ports, portalId, settings, seeds, known);
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
    rememberWrites(known, plan, results, ports.clock.now());
    writes += results.length;
    const succeeded = new Set(results.filter((r) => r.ok).map((r) => r.idempotencyKey));
    for (const a of plan.actions) {
      if (a.kind === 'write' && succeeded.has(a.command.idempotencyKey)) {
        written.add(recordKey({ ...a.source, object: a.object }));
        if (a.command.kind === 'create') created.add(recordKey({ ...a.source, object: a.object }));
      }
      if (a.kind === 'exclude') excluded.add(recordKey({ ...a.source, object: a.object }));
      if (a.kind === 'link' && !a.reason.startsWith('merged'))
        linked.add(recordKey({ ...a.source, object: a.object }));
    }
    const planned = applyPlanResults(plan, results, ports.clock);
    const rejected = failInvalidRecords(portalId, batch.invalid, ports.clock);
    const applied = {
      ...planned,
      statuses: labelStatuses([...planned.statuses, ...rejected.statuses], batch.records),
      activity: [...planned.activity, ...rejected.activity],
    };
    await ports.store.commitPlanResults(portalId, applied);
    for (const s of applied.statuses) {
      if (s.state !== 'failed') continue;
      failures++;
      failed.add(recordKey({ object: s.object, side: s.side, id: s.recordId }));
    }
    for (const a of applied.retryable) {
      const r = results.find((x) => x.idempotencyKey === a.command.idempotencyKey);
      if (r && !r.ok) waiting.set(recordKey({ ...a.source, object: a.object }), r.error);
    }
    const { replan, held } = holdDependents(applied);
    for (const [key, error] of held) if (!waiting.has(key)) waiting.set(key, error);
    seeds = dedupe(replan);
  }
  const leftOver: SyncError = {
    code: 'dependency_not_synced',
    message: 'waits for related records',
    retryable: true,
  };
  for (const s of seeds) if (!waiting.has(recordKey(s))) waiting.set(recordKey(s), leftOver);
  return { waiting, writes, failures, failed, linked, written, created, excluded };
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

/** Each status carries the name of the record it is about, as read in this pass (R-VIS-5). */
function labelStatuses(statuses: readonly RecordStatus[], records: readonly AnySideRecord[]): RecordStatus[] {
  const byKey = new Map(records.map((r) => [recordKey(r), r]));
  return statuses.map((s) => {
    const read = byKey.get(recordKey({ object: s.object, side: s.side, id: s.recordId }));
    return read ? { ...s, label: recordLabel(read.object, read.record) } : s;
  });
}

function dedupe(refs: readonly RecordRef[]): RecordRef[] {
  return [...new Map(refs.map((r) => [recordKey(r), r])).values()];
}
