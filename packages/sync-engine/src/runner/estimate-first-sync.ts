import type { RecordCounter } from '../ports/record-counter.ts';
import type { ReadResult } from '../ports/side-reader.ts';
import type { Side } from '../records/sync-object.ts';

/** What a first sync from one side will do, before it is turned on (R-CON-7). */
export interface FirstSyncEstimate {
  readonly object: 'customer' | 'product';
  readonly sourceSide: Side;
  /** Records of the object on the source side. */
  readonly total: number;
  /** Of those, the ones whose email or SKU a record on the other side holds: linked, not created. */
  readonly matches: number;
  /** The others: created on the other side. */
  readonly creates: number;
}

/**
 * Counts without reading records: the source side's count call for the total, then its keys page
 * by page (email or SKU only), each page's keys looked up on the other side with one count or
 * search call per batch. "About": filters and records changed meanwhile can move the figures.
 */
export async function estimateFirstSync(
  source: RecordCounter,
  target: RecordCounter,
  object: 'customer' | 'product',
): Promise<ReadResult<FirstSyncEstimate>> {
  const total = await source.countRecords(object);
  if (!total.ok) return total;
  let matches = 0;
  let pageToken: string | undefined;
  do {
    const page = await source.listNaturalKeys(object, pageToken);
    if (!page.ok) return page;
    if (page.value.keys.length > 0) {
      const found = await target.countMatches(page.value.keys);
      if (!found.ok) return found;
      // A key held twice on the other side still links one record.
      matches += Math.min(found.value, page.value.keys.length);
    }
    pageToken = page.value.nextPageToken ?? undefined;
  } while (pageToken !== undefined);
  matches = Math.min(matches, total.value);
  return {
    ok: true,
    value: { object, sourceSide: source.side, total: total.value, matches, creates: total.value - matches },
  };
}
