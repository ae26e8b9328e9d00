import type { Side, SyncObject } from '../records/sync-object.ts';
import type { NaturalKey, ReadResult } from './side-reader.ts';

/** Records created in [from, to] (ISO times); both ends optional. */
export interface CreatedRange {
  readonly from?: string;
  readonly to?: string;
}

/** One page of the natural keys (emails, SKUs) of a side's records; null `nextPageToken` on the last. */
export interface NaturalKeyPage {
  readonly keys: readonly NaturalKey[];
  /** Records on the page that hold no key: they can only be created on the other side. */
  readonly withoutKey: number;
  readonly nextPageToken: string | null;
}

/**
 * Counts one side's records with its count and search calls, never by reading them: what a
 * progress bar's total and the estimate before a first sync rest on (R-CON-7, R-FLT-4).
 */
export interface RecordCounter {
  readonly side: Side;
  /** Every record of `object` (inactive ones too), or those created in `created`. */
  countRecords(object: SyncObject, created?: CreatedRange): Promise<ReadResult<number>>;
  /** How many records of this side hold one of `keys` (emails or SKUs; one call per batch). */
  countMatches(keys: readonly NaturalKey[]): Promise<ReadResult<number>>;
  /** The emails (customers) or SKUs (products) of every record, a page at a time (the key only). */
  listNaturalKeys(object: 'customer' | 'product', pageToken?: string): Promise<ReadResult<NaturalKeyPage>>;
}
