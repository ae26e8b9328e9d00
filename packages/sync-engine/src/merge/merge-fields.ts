import type { SyncError } from '../errors/sync-error-code.ts';
import type { FieldFlow } from '../mapping/default-field-mappings.ts';
import type { FieldSpec } from '../mapping/field-projection.ts';
import { stableEqual } from '../mapping/stable-equal.ts';
import type { RecordOf } from '../records/side-record.ts';
import { otherSide, type Side, type SyncObject } from '../records/sync-object.ts';
import type { ConflictPolicy, Direction } from '../settings/portal-settings.ts';
import { conflictWinner, directionAllowsWriteTo } from './conflict-policy.ts';

export interface FieldConflict {
  readonly field: string;
  readonly winner: Side;
  readonly hubspotValue: unknown;
  readonly quickbooksValue: unknown;
  /** True on the first match of two existing records (no merge base yet). */
  readonly firstMatch: boolean;
}

export interface FieldWrite {
  readonly field: string;
  readonly value: unknown;
}

export interface MergeInput {
  readonly specs: readonly FieldSpec[];
  readonly hubspot: RecordOf<SyncObject>;
  readonly quickbooks: RecordOf<SyncObject>;
  readonly hubspotBase: RecordOf<SyncObject> | null;
  readonly quickbooksBase: RecordOf<SyncObject> | null;
  readonly policy: ConflictPolicy;
  readonly direction: Direction;
  /**
   * Fields only `side` may change (R-EDT-1): a change on the other side is a violation, never
   * copied; a change on `side` to any of them writes all that differ.
   */
  readonly owned?: { readonly side: Side; readonly fields: readonly string[] };
}

export interface MergeOutcome {
  readonly writes: Readonly<Record<Side, FieldWrite[]>>;
  readonly conflicts: FieldConflict[];
  readonly errors: { field: string; side: Side; error: SyncError }[];
  /** Owned fields changed on the non-owning side since the last sync (R-EDT-1). */
  readonly violations: string[];
  /** True when the owning side changed an owned field since the last sync (R-EDT-1). */
  readonly ownerEdited: boolean;
}

/** Two values of one field are the same when their comparison forms are (see `FieldSpec.normalize`). */
function sameValue(spec: FieldSpec, a: unknown, b: unknown): boolean {
  return stableEqual(spec.normalize(a), spec.normalize(b));
}

function flowAllows(flow: FieldFlow, target: Side): boolean {
  if (flow === 'read_only') return false;
  if (flow === 'two_way') return true;
  return target === (flow === 'hubspot_to_quickbooks' ? 'quickbooks' : 'hubspot');
}

/**
 * Three-way merge per field with the merge base. Only one side changed → it wins; both changed
 * to different values (or first match) → the conflict policy decides; a side equal to its base
 * contributes nothing, which is what suppresses echoes (R-EDT-3). One-way directions make the
 * source authoritative: the target is brought back to it whenever they differ.
 */
export function mergeFields(input: MergeInput): MergeOutcome {
  const firstMatch = input.hubspotBase === null || input.quickbooksBase === null;
  const changedOn = (side: Side, spec: FieldSpec): boolean => {
    const base = side === 'hubspot' ? input.hubspotBase : input.quickbooksBase;
    const record = side === 'hubspot' ? input.hubspot : input.quickbooks;
    return base === null || !sameValue(spec, spec.read(side, record), spec.read(side, base));
  };
  const owner = input.owned?.side ?? null;
  const ownedSpecs = input.specs.filter((s) => input.owned?.fields.includes(s.key));
  // An edit on the owning side re-asserts all its owned fields: its version is the one that counts.
  const ownerEdited = owner !== null && ownedSpecs.some((s) => changedOn(owner, s));
  const out: MergeOutcome = {
    writes: { hubspot: [], quickbooks: [] },
    conflicts: [],
    errors: [],
    violations: [],
    ownerEdited,
  };
  for (const spec of input.specs) {
    const h = spec.read('hubspot', input.hubspot);
    const q = spec.read('quickbooks', input.quickbooks);
    if (sameValue(spec, h, q)) continue;
    const hChanged = changedOn('hubspot', spec);
    const qChanged = changedOn('quickbooks', spec);

    let winner: Side;
    if (owner !== null && ownedSpecs.includes(spec)) {
      if (!firstMatch && !ownerEdited) {
        // The sides may differ for good (QBO's total holds tax, HubSpot's does not): only a change
        // on the other side since the last sync is an edit made in the wrong place.
        if (owner === 'hubspot' ? qChanged : hChanged) out.violations.push(spec.key);
        continue;
      }
      winner = owner;
    } else if (input.direction !== 'two_way') {
      winner = input.direction === 'hubspot_to_quickbooks' ? 'hubspot' : 'quickbooks';
    } else if (hChanged && !qChanged) {
      winner = 'hubspot';
    } else if (qChanged && !hChanged) {
      winner = 'quickbooks';
    } else {
      winner = conflictWinner(input.policy);
      if (hChanged && qChanged) {
        out.conflicts.push({ field: spec.key, winner, hubspotValue: h, quickbooksValue: q, firstMatch });
      }
    }
    const target = otherSide(winner);
    if (!directionAllowsWriteTo(input.direction, target) || !flowAllows(spec.flow, target)) continue;
    const converted = spec.toSide(target, winner === 'hubspot' ? h : q);
    if (converted.ok) out.writes[target].push({ field: spec.key, value: converted.value });
    else out.errors.push({ field: spec.key, side: target, error: converted.error });
  }
  return out;
}
