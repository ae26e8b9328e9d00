import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { z } from 'zod';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { type HubSpotObject, hubspotObjectSchema } from './hubspot-object.ts';
import type { HubSpotObjectType } from './object-types.ts';

export interface SearchFilter {
  propertyName: string;
  operator: 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'IN' | 'HAS_PROPERTY';
  value?: string;
  values?: string[];
}

const searchResponseSchema = z
  .object({ total: z.number().optional(), results: z.array(hubspotObjectSchema) })
  .loose();

/** Search returns at most 200 per page. */
export const SEARCH_PAGE_SIZE = 200;

/**
 * One page of a keyset walk: results sorted by `hs_object_id`, each page asking for ids above
 * the last one seen. Search refuses to page past 10,000 results with `after`; narrowing on
 * `hs_object_id` instead never asks for more than one page of any query, so the cap is never met.
 * `afterId` null starts the walk; the returned `lastId` is null when nothing is left.
 */
export async function searchPage(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  filters: readonly SearchFilter[],
  properties: readonly string[],
  afterId: string | null,
  limit = SEARCH_PAGE_SIZE,
): Promise<{ results: HubSpotObject[]; lastId: string | null }> {
  const all =
    afterId === null
      ? [...filters]
      : [...filters, { propertyName: 'hs_object_id', operator: 'GT' as const, value: afterId }];
  // The SDK types `sorts` as string[] and operators as its own enums, but serializes what it is
  // given; HubSpot's wire form for a sort is `{propertyName, direction}`.
  const request = {
    filterGroups: [{ filters: all }],
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
    properties: [...properties],
    limit,
    after: '0',
  } as unknown as PublicObjectSearchRequest;
  const raw = await client.call('search', (sdk) =>
    sdk.crm.objects.searchApi.doSearchWithHttpInfo(objectType, request),
  );
  const { results } = searchResponseSchema.parse(raw);
  const last = results.at(-1);
  return { results, lastId: results.length === limit && last ? last.id : null };
}

/** Every match, page by page (tests and installs; the reader pages itself). */
export async function searchAll(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  filters: readonly SearchFilter[],
  properties: readonly string[],
  limit = SEARCH_PAGE_SIZE,
): Promise<HubSpotObject[]> {
  const out: HubSpotObject[] = [];
  let afterId: string | null = null;
  do {
    const page: { results: HubSpotObject[]; lastId: string | null } = await searchPage(
      client,
      objectType,
      filters,
      properties,
      afterId,
      limit,
    );
    out.push(...page.results);
    afterId = page.lastId;
  } while (afterId !== null);
  return out;
}

/** How many records match, from search's `total`: one call whatever the count. */
export async function searchTotal(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  filters: readonly SearchFilter[],
): Promise<number> {
  const request = {
    filterGroups: filters.length > 0 ? [{ filters: [...filters] }] : [],
    properties: ['hs_object_id'],
    limit: 1,
    after: '0',
  } as unknown as PublicObjectSearchRequest;
  const raw = await client.call('search', (sdk) =>
    sdk.crm.objects.searchApi.doSearchWithHttpInfo(objectType, request),
  );
  const { total, results } = searchResponseSchema.parse(raw);
  return total ?? results.length;
}
