import type { SyncError } from '../errors/sync-error-code.ts';
import type { RecordOf } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';

interface CommandBase<O extends SyncObject> {
  readonly object: O;
  /** See `idempotencyKey()`; ≤ 36 chars, unique per write. */
  readonly idempotencyKey: string;
}

/**
 * A write planned by the engine. References inside records (customerId, productId, invoiceId)
 * are already ids of the side being written to.
 */
export type WriteCommand<O extends SyncObject = SyncObject> =
  | (CommandBase<O> & {
      readonly kind: 'create';
      readonly record: RecordOf<O>;
      /** Id of the source record on the other side: HubSpot upserts on `ledgersync_qbo_id`. */
      readonly counterpartId: string;
    })
  | (CommandBase<O> & {
      readonly kind: 'update';
      readonly id: string;
      /** Optimistic concurrency: QBO SyncToken / HubSpot updatedAt read before planning. */
      readonly expectedVersion: string;
      /** Only the fields that change (sparse update). */
      readonly changes: Partial<RecordOf<O>>;
      /** The whole record after the change, for sides that cannot update sparsely (QBO lines). */
      readonly record: RecordOf<O>;
    })
  | (CommandBase<O> & {
      readonly kind: 'void';
      readonly id: string;
      readonly expectedVersion: string;
    })
  | (CommandBase<O> & {
      /** R-OBJ-7: nothing is deleted; the surviving record is marked (e.g. a status property). */
      readonly kind: 'mark_counterpart_deleted';
      readonly id: string;
    });

export type WriteResult<O extends SyncObject = SyncObject> =
  | {
      readonly ok: true;
      readonly idempotencyKey: string;
      readonly id: string;
      readonly version: string;
      /** The record as the side now holds it (becomes that side's merge base). */
      readonly record: RecordOf<O>;
    }
  | { readonly ok: false; readonly idempotencyKey: string; readonly error: SyncError };

/**
 * Writes one side in batches (HubSpot 100, QBO 30): one result per command, in the same order,
 * matched by idempotency key. Expected failures are results, never throws; a failed command does
 * not fail the others.
 */
export interface SideWriter {
  readonly side: Side;
  writeBatch(commands: readonly WriteCommand[]): Promise<readonly WriteResult[]>;
}

/** QBO only (R-OBJ-1): finds or creates the "Custom Line Item" item on the chosen income account. */
export interface CustomLineItemPort {
  ensureCustomLineItem(
    incomeAccountId: string,
  ): Promise<
    { readonly ok: true; readonly itemId: string } | { readonly ok: false; readonly error: SyncError }
  >;
}
