import type { Clock } from '../ports/clock.ts';
import type { ActivityEntry, Link, MergeBase, RecordStatus } from '../ports/link.ts';
import type { WriteResult } from '../ports/side-writer.ts';
import type { CommitBatch } from '../ports/sync-store.ts';
import type { Side } from '../records/sync-object.ts';
import type { PlanAction, SyncPlan, WriteAction } from './plan-types.ts';

export interface AppliedPlan extends CommitBatch {
  /** Writes that failed with a retryable error: the runner defers their notices with backoff. */
  readonly retryable: readonly WriteAction[];
  /** Actions left waiting (`defer`, or writes with no result): plan them again. */
  readonly pending: readonly PlanAction[];
}

const ACTIVITY_OF_COMMAND = {
  create: 'created',
  update: 'updated',
  void: 'voided',
  mark_counterpart_deleted: 'counterpart_deleted',
} as const;

/**
 * Turns a plan and its write results into what the store keeps: links (with new ids, pending
 * markers cleared, versions bumped), merge bases (with the records the sides returned), record
 * statuses and activity. A pair with any failure keeps its old merge base so its changes still
 * count as changes next time.
 */
export function applyPlanResults(plan: SyncPlan, results: readonly WriteResult[], clock: Clock): AppliedPlan {
  const at = clock.now().toISOString();
  const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
  const links = new Map<string, Link>();
  const bases = new Map<string, MergeBase>();
  const failedLinks = new Set<string>();
  const statuses: RecordStatus[] = [];
  const activity: ActivityEntry[] = [];
  const retryable: WriteAction[] = [];
  const pending: PlanAction[] = [];
  const status = (
    a: PlanAction,
    side: Side,
    recordId: string,
    linkId: string | null,
    state: RecordStatus['state'],
    extra: Partial<RecordStatus> = {},
  ) =>
    statuses.push({
      portalId: plan.portalId,
      object: a.object,
      side,
      recordId,
      linkId,
      state,
      errorCode: null,
      exclusionReason: null,
      message: a.reason,
      at,
      ...extra,
    });
  const log = (
    a: PlanAction,
    e: Omit<ActivityEntry, 'portalId' | 'object' | 'at' | 'message'> & { message?: string },
  ) => activity.push({ portalId: plan.portalId, object: a.object, at, message: a.reason, ...e });
  const keepLink = (link: Link) => {
    const prev = links.get(link.id);
    links.set(link.id, prev && prev.linkVersion > link.linkVersion ? { ...link, ...prev } : link);
  };

  for (const a of plan.actions) {
    switch (a.kind) {
      case 'write': {
        const r = byKey.get(a.command.idempotencyKey);
        if (!r) {
          pending.push(a);
          continue;
        }
        if (!r.ok) {
          failedLinks.add(a.link.id);
          keepLink({ ...a.link, pendingCreate: null });
          if (r.error.retryable) retryable.push(a);
          status(a, a.source.side, a.source.id, a.link.id, r.error.retryable ? 'pending' : 'failed', {
            errorCode: r.error.code,
            message: r.error.message,
          });
          log(a, {
            linkId: a.link.id,
            side: a.source.side,
            recordId: a.source.id,
            kind: 'failed',
            errorCode: r.error.code,
            message: r.error.message,
          });
          continue;
        }
        const idField = a.side === 'hubspot' ? 'hubspotId' : 'quickbooksId';
        keepLink({ ...a.link, [idField]: r.id, pendingCreate: null });
        if (a.nextBase && a.command.kind !== 'mark_counterpart_deleted') {
          const base = bases.get(a.link.id) ?? a.nextBase;
          bases.set(a.link.id, {
            ...base,
            [a.side]: r.record,
            [a.side === 'hubspot' ? 'hubspotVersion' : 'quickbooksVersion']: r.version,
          });
        }
        if (a.command.kind === 'mark_counterpart_deleted') {
          // R-OBJ-7: the survivor stays, shown as excluded because its counterpart is gone.
          status(a, a.side, r.id, a.link.id, 'excluded', { exclusionReason: 'counterpart_deleted' });
        } else {
          status(a, a.source.side, a.source.id, a.link.id, 'synced');
          status(a, a.side, r.id, a.link.id, 'synced');
        }
        log(a, {
          linkId: a.link.id,
          side: a.side,
          recordId: r.id,
          kind: ACTIVITY_OF_COMMAND[a.command.kind],
          fields: a.fields,
        });
        for (const c of a.conflicts) {
          log(a, {
            linkId: a.link.id,
            side: a.side,
            recordId: r.id,
            kind: 'conflict_resolved',
            fields: [c.field],
            message: `Both sides changed ${c.field}; ${c.winner === 'hubspot' ? 'HubSpot' : 'QuickBooks Online'} data kept.`,
          });
        }
        break;
      }
      case 'link':
        keepLink(a.link);
        log(a, {
          linkId: a.link.id,
          side: a.source.side,
          recordId: a.source.id,
          kind: a.reason.startsWith('merged') ? 'merged' : 'linked',
        });
        break;
      case 'skip':
        if (a.nextBase && a.linkId) bases.set(a.linkId, bases.get(a.linkId) ?? a.nextBase);
        if (a.linkId) status(a, a.source.side, a.source.id, a.linkId, 'synced');
        break;
      case 'exclude':
        status(a, a.source.side, a.source.id, a.linkId, 'excluded', { exclusionReason: a.exclusion.reason });
        log(a, {
          linkId: a.linkId,
          side: a.source.side,
          recordId: a.source.id,
          kind: 'excluded',
          exclusionReason: a.exclusion.reason,
        });
        break;
      case 'fail':
        if (a.link) keepLink(a.link);
        if (a.linkId) failedLinks.add(a.linkId);
        status(a, a.source.side, a.source.id, a.linkId, 'failed', {
          errorCode: a.error.code,
          message: a.error.message,
        });
        log(a, {
          linkId: a.linkId,
          side: a.source.side,
          recordId: a.source.id,
          kind: 'failed',
          errorCode: a.error.code,
        });
        break;
      case 'defer':
        pending.push(a);
        status(a, a.source.side, a.source.id, a.linkId, 'pending');
        break;
    }
  }
  for (const id of failedLinks) bases.delete(id);
  return {
    links: [...links.values()],
    mergeBases: [...bases.values()],
    statuses,
    activity,
    retryable,
    pending,
  };
}
