import type {
  CreatedRange,
  NaturalKey,
  NaturalKeyPage,
  ReadResult,
  RecordCounter,
  SyncObject,
} from '@ledgersync/sync-engine';
import { chunk, OBJECT_TYPE_FOR } from '../crm/object-types.ts';
import { type SearchFilter, searchPage, searchTotal } from '../crm/search-objects.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError, toSyncError } from '../http/hubspot-failure.ts';

/** Search takes at most 100 values in one IN filter. */
const IN_VALUES = 100;

/** Contacts name their created date differently from every other object. */
const CREATED = (object: SyncObject) => (object === 'customer' ? 'createdate' : 'hs_createdate');

async function guard<T>(work: () => Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof HubSpotCallError) return { ok: false, error: toSyncError(error.failure) };
    throw error;
  }
}

/** Counts with search's `total`: one call per count, one per 100 keys for matches. */
export function createHubSpotRecordCounter(client: HubSpotClient): RecordCounter {
  return {
    side: 'hubspot',
    countRecords: (object: SyncObject, created: CreatedRange = {}) =>
      guard(() => {
        const filters: SearchFilter[] = [];
        if (created.from)
          filters.push({ propertyName: CREATED(object), operator: 'GTE', value: ms(created.from) });
        if (created.to)
          filters.push({ propertyName: CREATED(object), operator: 'LTE', value: ms(created.to) });
        return searchTotal(client, OBJECT_TYPE_FOR[object], filters);
      }),
    countMatches: (keys: readonly NaturalKey[]) =>
      guard(async () => {
        const emails = [
          ...new Set(keys.filter((k) => k.field === 'email').map((k) => k.value.trim().toLowerCase())),
        ];
        const skus = [...new Set(keys.filter((k) => k.field === 'sku').map((k) => k.value))];
        let total = 0;
        for (const part of chunk(emails, IN_VALUES))
          total += await searchTotal(client, 'contacts', [
            { propertyName: 'email', operator: 'IN', values: part },
          ]);
        for (const part of chunk(skus, IN_VALUES))
          total += await searchTotal(client, 'products', [
            { propertyName: 'hs_sku', operator: 'IN', values: part },
          ]);
        return total;
      }),
    listNaturalKeys: (object: 'customer' | 'product', pageToken?: string) =>
      guard(async (): Promise<NaturalKeyPage> => {
        const property = object === 'customer' ? 'email' : 'hs_sku';
        const page = await searchPage(client, OBJECT_TYPE_FOR[object], [], [property], pageToken ?? null);
        const values = page.results.map((r) => (r.properties[property] ?? '').trim()).filter((v) => v !== '');
        const keys: NaturalKey[] = values.map((value) =>
          object === 'customer' ? { object, field: 'email', value } : { object, field: 'sku', value },
        );
        return { keys, withoutKey: page.results.length - keys.length, nextPageToken: page.lastId };
      }),
  };
}

function ms(iso: string): string {
  return String(Date.parse(iso));
}
