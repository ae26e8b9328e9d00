import type { SyncError } from '../errors/sync-error-code.ts';
import type { AppliedPlan } from '../plan/apply-plan-results.ts';
import type { PlanAction } from '../plan/plan-types.ts';
import { type RecordRef, recordKey } from './record-key.ts';

/**
 * Splits a round's waiting actions into those to plan again and those held back because a
 * create they wait for failed with a transient error (or is itself held). Planning a held one
 * again would find its dependency unlinked and fail it for good; instead it waits with the
 * dependency (its notice stays pending with backoff, R-ERR-7) and both are tried together on
 * the next drain (R-CON-4). Actions are in dependency order, so holds carry down a chain.
 */
export function holdDependents(applied: AppliedPlan): {
  readonly replan: RecordRef[];
  readonly held: Map<string, SyncError>;
} {
  const blocked = new Map<string, SyncError>();
  for (const a of applied.retryable) blocked.set(a.id, dependencyError(a.id));
  const held = new Map<string, SyncError>();
  const replan: RecordRef[] = [];
  for (const a of applied.pending) {
    const ref = { ...a.source, object: a.object };
    const on = dependsOn(a).find((id) => blocked.has(id));
    if (on === undefined) {
      replan.push(ref);
      continue;
    }
    const error = dependencyError(on);
    blocked.set(a.id, error);
    held.set(recordKey(ref), error);
  }
  return { replan, held };
}

function dependsOn(a: PlanAction): readonly string[] {
  return a.kind === 'defer' || a.kind === 'write' ? a.dependsOn : [];
}

function dependencyError(actionId: string): SyncError {
  const [object = 'record', , id = ''] = actionId.split(':');
  return {
    code: 'dependency_not_synced',
    message: `waits for ${object} ${id}, which could not be synced yet (temporary error)`,
    retryable: true,
  };
}
