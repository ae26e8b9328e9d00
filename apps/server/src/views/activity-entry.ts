import type { ActivityRow } from '@ledgersync/db';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  DEFAULT_FIELD_MAPPINGS,
  type SyncObject,
} from '@ledgersync/sync-engine';
import type { ActivityEntry } from '../api-contract/common.ts';
import { summarizeError } from './explain-error.ts';
import { explainExclusion } from './explain-exclusion.ts';

const isKnownAction = (action: string): action is ActivityKind =>
  (ACTIVITY_KINDS as readonly string[]).includes(action);

// Fields the engine writes that are not mappings of their own.
const OTHER_FIELDS: Readonly<Record<string, string>> = { status: 'Status' };

/** A changed field by its label; a custom mapping's key names no label, so it reads generically. */
function fieldLabel(object: SyncObject, key: string): string {
  const mapped = DEFAULT_FIELD_MAPPINGS[object].find((m) => m.key === key);
  return mapped?.label ?? OTHER_FIELDS[key] ?? (key.startsWith('custom:') ? 'Custom field' : 'Other field');
}

/** One stored activity row as the card and the record view show it (R-VIS-5, R-VIS-6). */
export function toActivityEntry(a: ActivityRow): ActivityEntry {
  const action = isKnownAction(a.action) ? a.action : 'unknown';
  return {
    id: String(a.id),
    occurredAt: a.occurredAt.toISOString(),
    object: a.object,
    action,
    direction: a.direction,
    changedFields: a.changedFields.map((key) => fieldLabel(a.object, key)),
    error: summarizeError(a.errorCode),
    exclusion: explainExclusion(a.exclusionReason, a.message),
    // Only a failure's message says what happened; other entries carry the plan's own reasoning.
    message: action === 'failed' ? a.message : null,
    amount:
      a.object === 'payment' && a.amount !== null
        ? { amount: a.amount.toString(), currency: a.currency }
        : null,
  };
}
