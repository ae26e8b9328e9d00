import type { PlanAction, SyncPlan, WriteAction } from '../plan/plan-types.ts';
import type { WriteResult } from '../ports/side-writer.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import { recordKey } from './record-key.ts';

/**
 * Records already read or written in this pass, by `recordKey`. A later round of the same pass
 * (records that waited on creates) takes them from here instead of reading both sides again:
 * a write's answer is the record as the side now holds it, and anything changed meanwhile by
 * someone else arrives as a new change notice.
 */
export type KnownRecords = Map<string, AnySideRecord>;

const isWrite = (a: PlanAction): a is WriteAction => a.kind === 'write';

/** Replaces what this pass knows of every record it wrote; a failed write leaves it unknown. */
export function rememberWrites(
  known: KnownRecords,
  plan: SyncPlan,
  results: readonly WriteResult[],
  now: Date,
): void {
  const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
  for (const w of plan.actions.filter(isWrite)) {
    const r = byKey.get(w.command.idempotencyKey);
    if (!r) continue;
    const targetId = w.command.kind === 'create' ? (r.ok ? r.id : null) : w.command.id;
    if (targetId === null) continue;
    const key = recordKey({ side: w.side, object: w.object, id: targetId });
    const before = known.get(key);
    if (!r.ok) {
      known.delete(key);
      continue;
    }
    const at = now.toISOString();
    known.set(key, {
      side: w.side,
      object: w.object,
      id: r.id,
      version: r.version,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
      record: r.record,
    } as AnySideRecord);
  }
}
