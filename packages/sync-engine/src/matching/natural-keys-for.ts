import type { NaturalKey } from '../ports/side-reader.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import { baseDisplayName, QBO_DISPLAY_NAME_MAX } from './display-name.ts';
import { normalizeEmail } from './match-by-natural-key.ts';

/**
 * The lookups the runner makes on the other side before planning: emails and SKUs to match
 * (R-OBJ-1, R-OBJ-2) and the QBO display names a new customer would take (R-ERR-2). The runner
 * passes what it finds to `planSyncBatch` as `candidates`.
 */
export function naturalKeysFor(records: readonly AnySideRecord[]): NaturalKey[] {
  const keys = new Map<string, NaturalKey>();
  const add = (k: NaturalKey) => keys.set(`${k.object}|${k.field}|${k.value}`, k);
  for (const r of records) {
    if (r.object === 'customer') {
      const email = normalizeEmail(r.record.email);
      if (email !== null) add({ object: 'customer', field: 'email', value: email });
      if (r.side === 'hubspot') {
        const name = baseDisplayName(r.record);
        // A name QBO cannot hold fails on its own (chooseDisplayName); asking for it would only
        // make one over-long query that fails the lookup, and so the batch, for everyone.
        if (name.length <= QBO_DISPLAY_NAME_MAX)
          add({ object: 'customer', field: 'displayName', value: name });
      }
    } else if (r.object === 'product' && r.record.sku) {
      add({ object: 'product', field: 'sku', value: r.record.sku });
    }
  }
  return [...keys.values()];
}
