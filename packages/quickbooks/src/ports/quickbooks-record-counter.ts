import type { CreatedRange, NaturalKey, RecordCounter, SyncObject } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { QboQuery } from '../query/query-builder.ts';
import { guard } from './guard.ts';
import { ENTITY_OF } from './record-mappers.ts';

/** Text values per IN query, as the reader asks them: keeps the GET query string a few KB long. */
const TEXT_VALUES_PER_QUERY = 50;

/** Name lists hide inactive records unless asked; a first sync takes those too (R-OBJ-7). */
function withInactive<E extends 'Customer' | 'Item' | 'Invoice' | 'Payment'>(q: QboQuery<E>): QboQuery<E> {
  return q.entity === 'Customer' || q.entity === 'Item' ? q.whereIn('Active', [true, false]) : q;
}

/** Counts with `select count(*)`: one call per count, one per 50 keys for matches. */
export function createQuickBooksRecordCounter(qbo: QuickBooksClient): RecordCounter {
  return {
    side: 'quickbooks',
    countRecords: (object: SyncObject, created: CreatedRange = {}) =>
      guard(() => {
        let query = withInactive(QboQuery.count(ENTITY_OF[object]));
        if (created.from) query = query.where('MetaData.CreateTime', '>=', created.from);
        if (created.to) query = query.where('MetaData.CreateTime', '<=', created.to);
        return qbo.count(query);
      }),
    countMatches: (keys: readonly NaturalKey[]) =>
      guard(async () => {
        const emails = [...new Set(keys.filter((k) => k.field === 'email').map((k) => k.value.trim()))];
        const skus = [...new Set(keys.filter((k) => k.field === 'sku').map((k) => k.value))];
        let total = 0;
        for (let i = 0; i < emails.length; i += TEXT_VALUES_PER_QUERY)
          total += await qbo.count(
            withInactive(QboQuery.count('Customer')).whereIn(
              'PrimaryEmailAddr',
              emails.slice(i, i + TEXT_VALUES_PER_QUERY),
            ),
          );
        for (let i = 0; i < skus.length; i += TEXT_VALUES_PER_QUERY)
          total += await qbo.count(
            withInactive(QboQuery.count('Item')).whereIn('Sku', skus.slice(i, i + TEXT_VALUES_PER_QUERY)),
          );
        return total;
      }),
  };
}
