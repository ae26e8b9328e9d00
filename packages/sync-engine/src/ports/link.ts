import type { ExclusionReason } from '../errors/exclusion-reason.ts';
import type { SyncErrorCode } from '../errors/sync-error-code.ts';
import type { RecordLabel } from '../records/record-label.ts';
import type { RecordOf } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';

export type LinkState = 'active' | 'pending_create' | 'counterpart_deleted';

/**
 * Pairs a HubSpot record with a QBO record. `linkVersion` grows by one on every write the
 * engine makes for the pair (it feeds idempotency keys). `pendingCreate` is set before a create
 * is sent and cleared when its result is stored, so a crash in between replays with the same key
 * instead of creating twice.
 */
export interface Link {
  readonly id: string;
  readonly portalId: string;
  readonly object: SyncObject;
  readonly hubspotId: string | null;
  readonly quickbooksId: string | null;
  /** The side that created the record first (R-EDT-1 needs it for invoices). */
  readonly origin: Side;
  readonly linkVersion: number;
  readonly state: LinkState;
  /** With `counterpart_deleted`: the side where the record was deleted (the card says which, R-OBJ-7). */
  readonly deletedOn?: Side;
  readonly pendingCreate: { readonly side: Side; readonly idempotencyKey: string } | null;
  readonly lastSyncedAt: string | null;
}

/**
 * The last synced state of a linked pair, one record per side, each in its own id space.
 * A side changed a field iff its current value differs from its own base (R-EDT-3).
 */
export interface MergeBase<O extends SyncObject = SyncObject> {
  readonly linkId: string;
  readonly object: O;
  readonly hubspot: RecordOf<O> | null;
  readonly quickbooks: RecordOf<O> | null;
  readonly hubspotVersion: string | null;
  readonly quickbooksVersion: string | null;
  readonly syncedAt: string;
}

export type RecordSyncState = 'synced' | 'pending' | 'failed' | 'excluded';

/** What the card and the overview show for one record (R-VIS-1..3). */
export interface RecordStatus {
  readonly portalId: string;
  readonly object: SyncObject;
  readonly side: Side;
  readonly recordId: string;
  readonly linkId: string | null;
  readonly state: RecordSyncState;
  readonly errorCode: SyncErrorCode | null;
  readonly exclusionReason: ExclusionReason | null;
  readonly message: string | null;
  readonly at: string;
  /** What names the record to a person, when the pass read it (R-VIS-5). */
  readonly label?: RecordLabel;
}

/** What one activity entry records; stored as text, so the list is the contract's too. */
export const ACTIVITY_KINDS = [
  'created',
  'updated',
  'voided',
  'linked',
  'skipped',
  'excluded',
  'failed',
  'conflict_resolved',
  'counterpart_deleted',
  'merged',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityEntry {
  readonly portalId: string;
  readonly object: SyncObject;
  readonly linkId: string | null;
  /** The side that was written (or the source side for skip/exclude/fail). */
  readonly side: Side;
  readonly recordId: string | null;
  readonly kind: ActivityKind;
  readonly at: string;
  readonly message: string;
  readonly fields?: readonly string[];
  readonly errorCode?: SyncErrorCode;
  readonly exclusionReason?: ExclusionReason;
}

/** A webhook event or poll hit to process (deduplicated by `eventId` when stored). */
export interface ChangeNotice {
  readonly id: string;
  readonly portalId: string;
  readonly side: Side;
  readonly object: SyncObject;
  readonly recordId: string;
  readonly eventId: string;
  readonly kind: 'change' | 'delete' | 'merge';
  readonly mergedInto: string | null;
  readonly occurredAt: string;
  /** When the notice was stored (the webhook route or the poll that told us of the change). */
  readonly receivedAt: string;
  readonly attempts: number;
}
