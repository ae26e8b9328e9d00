import type {
  CreatedRange,
  NaturalKey,
  NaturalKeyPage,
  RecordCounter,
  SyncObject,
} from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { QboQuery } from '../query/query-builder.ts';
import { guard } from './guard.ts';
import { ENTITY_OF } from './record-mappers.ts';

/** Text values per IN query, as the reader asks them: keeps the GET query string a few KB long. */
const TEXT_VALUES_PER_QUERY = 50;
const QUERY_PAGE = 1000;

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
    listNaturalKeys: (object: 'customer' | 'product', pageToken?: string) =>
      guard(async (): Promise<NaturalKeyPage> => {
        const start = pageToken ? Number(pageToken) : 1;
        const keys: NaturalKey[] = [];
        let returned: number;
        if (object === 'customer') {
          const page = await qbo.queryPage(withInactive(QboQuery.select('Customer')), start, QUERY_PAGE);
          returned = page.returned;
          for (const c of page.entities) {
            const value = (c.PrimaryEmailAddr?.Address ?? '').trim();
            if (value) keys.push({ object, field: 'email', value });
          }
        } else {
          const page = await qbo.queryPage(withInactive(QboQuery.select('Item')), start, QUERY_PAGE);
          returned = page.returned;
          for (const item of page.entities) {
            const value = item.Sku ?? '';
            if (value) keys.push({ object, field: 'sku', value });
          }
        }
        return {
          keys,
          withoutKey: returned - keys.length,
          nextPageToken: returned === QUERY_PAGE ? String(start + QUERY_PAGE) : null,
        };
      }),
  };
}
