import type { SyncError } from '../errors/sync-error-code.ts';
import type { SideRecord } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';

export type ReadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SyncError };

/** A record that was read but holds a value we cannot take (a price of "1e3"): it fails alone. */
export interface InvalidRecord {
  readonly id: string;
  readonly error: SyncError;
}

export interface ChangedPage<O extends SyncObject> {
  readonly records: readonly SideRecord<O>[];
  /** Null on the last page. */
  readonly nextPageToken: string | null;
  /** Cursor to store once every page has been handled (a timestamp for both sides today). */
  readonly cursor: string;
}

/**
 * Natural keys the engine matches on (R-OBJ-1, R-OBJ-2, R-ERR-2), and the payments of an invoice
 * (its id on the side asked; R-EDT-1: a payment recorded again in QBO finds HubSpot's).
 */
export type NaturalKey =
  | { readonly object: 'customer'; readonly field: 'email'; readonly value: string }
  | { readonly object: 'customer'; readonly field: 'displayName'; readonly value: string }
  | { readonly object: 'product'; readonly field: 'sku'; readonly value: string }
  | { readonly object: 'payment'; readonly field: 'invoice'; readonly value: string };

/**
 * Reads one side. Implementations batch internally (HubSpot batch read 100, QBO `Id in (…)`),
 * return canonical records, and report expected failures as values (`ok: false`), never throws.
 */
/** What the change notices told about the records asked for. */
export interface ReadHints {
  /**
   * Merged-away id → survivor id, from a merge notice (R-OBJ-7). QBO removes the merged-away record,
   * so only the notice can say where it went; the reader reports it with `mergedInto`.
   */
  readonly mergedInto?: ReadonlyMap<string, string>;
}

export interface SideReader {
  readonly side: Side;
  /** Records by id; ids that do not exist are listed in `missing`, not an error. */
  readByIds<O extends SyncObject>(
    object: O,
    ids: readonly string[],
    hints?: ReadHints,
  ): Promise<
    ReadResult<{
      records: readonly SideRecord<O>[];
      missing: readonly string[];
      invalid?: readonly InvalidRecord[];
    }>
  >;
  /** Records changed since `since` (a cursor from a previous page, or an ISO time), page by page. */
  readChangedSince<O extends SyncObject>(
    object: O,
    since: string,
    pageToken?: string,
  ): Promise<ReadResult<ChangedPage<O>>>;
  /**
   * Records whose natural key equals one of `keys` (email trimmed and case-insensitive, SKU and
   * display name exact). QBO display-name lookups must cover vendors and employees too (R-ERR-2):
   * such hits come back as customers with `active` false and `displayName` set.
   */
  findByNaturalKeys(keys: readonly NaturalKey[]): Promise<ReadResult<readonly SideRecord[]>>;
}
