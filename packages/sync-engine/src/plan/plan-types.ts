import type { Exclusion } from '../errors/exclusion-reason.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import type { FieldConflict } from '../merge/merge-fields.ts';
import type { Link, MergeBase } from '../ports/link.ts';
import type { WriteCommand } from '../ports/side-writer.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';

interface ActionBase {
  /** Stable within a plan: `object:side:recordId[:suffix]`; used by `dependsOn`. */
  readonly id: string;
  readonly object: SyncObject;
  /** The record the decision is about (the source of a write). */
  readonly source: { readonly side: Side; readonly id: string };
  readonly reason: string;
}

/** A write to `side`. `link` is the link as it will be once the write succeeds. */
export interface WriteAction extends ActionBase {
  readonly kind: 'write';
  readonly side: Side;
  readonly command: WriteCommand;
  readonly link: Link;
  readonly fields: readonly string[];
  readonly conflicts: readonly FieldConflict[];
  readonly dependsOn: readonly string[];
  /**
   * The merge base once every write of the pair succeeds, holding the predicted records (the
   * write results replace them). Null: keep the stored base, because part of the pair failed
   * and the changes must still look changed next time.
   */
  readonly nextBase: MergeBase | null;
}

export type PlanAction =
  | WriteAction
  /** A first match or a merge re-pointing: store-only, no write. */
  | (ActionBase & {
      readonly kind: 'link';
      readonly link: Link;
      readonly nextBase: MergeBase | null;
      readonly conflicts: readonly FieldConflict[];
    })
  /** Nothing to write (in sync, or an echo of our own write). `nextBase` refreshes the stored base. */
  | (ActionBase & {
      readonly kind: 'skip';
      readonly linkId: string | null;
      readonly nextBase: MergeBase | null;
    })
  | (ActionBase & { readonly kind: 'exclude'; readonly linkId: string | null; readonly exclusion: Exclusion })
  | (ActionBase & {
      readonly kind: 'fail';
      readonly linkId: string | null;
      readonly error: SyncError;
      readonly field?: string;
      /** The link as it is to be stored, when the failure changes it (R-EDT-1: a payment gone from QBO). */
      readonly link?: Link;
    })
  /** Waits for records created by this same plan; plan again once their results are applied. */
  | (ActionBase & {
      readonly kind: 'defer';
      readonly linkId: string | null;
      readonly dependsOn: readonly string[];
    });

export interface SyncPlan {
  readonly portalId: string;
  readonly plannedAt: string;
  /** Ordered: customers and products, then invoices, then payments (R-CON-4, R-OBJ-4). */
  readonly actions: readonly PlanAction[];
}

export function actionId(object: SyncObject, side: Side, recordId: string, suffix?: string): string {
  return suffix ? `${object}:${side}:${recordId}:${suffix}` : `${object}:${side}:${recordId}`;
}

/** Deterministic so that replanning after a crash names the same link. */
export function newLinkId(object: SyncObject, originSide: Side, originId: string): string {
  return `${object}:${originSide}:${originId}`;
}
