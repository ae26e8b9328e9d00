import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError, type HubSpotFailure } from '../http/hubspot-failure.ts';
import {
  batchResponseSchema,
  type HubSpotObject,
  type Properties,
  type StandardError,
} from './hubspot-object.ts';
import { chunk, type HubSpotObjectType } from './object-types.ts';

export type ItemResult<T> = { ok: true; value: T } | { ok: false; failure: HubSpotFailure };

/** Reads records by id (or by a unique property) 100 at a time; unknown ids come back as `missing`. */
export async function batchReadObjects(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  ids: readonly string[],
  properties: readonly string[],
  idProperty?: string,
): Promise<{ found: HubSpotObject[]; missing: string[] }> {
  const found: HubSpotObject[] = [];
  for (const part of chunk([...new Set(ids)])) {
    const body = {
      inputs: part.map((id) => ({ id })),
      properties: [...properties],
      propertiesWithHistory: [],
      ...(idProperty ? { idProperty } : {}),
    };
    const raw = await client.call('standard', (sdk) =>
      sdk.crm.objects.batchApi.readWithHttpInfo(objectType, body, false),
    );
    found.push(...batchResponseSchema.parse(raw).results);
  }
  const key = (o: HubSpotObject) => (idProperty ? (o.properties[idProperty] ?? '') : o.id);
  const seen = new Set(found.map(key));
  return { found, missing: ids.filter((id) => !seen.has(id)) };
}

/**
 * Creates or updates by a unique property, 100 per call, results in input order. Upserting on
 * our `ledgersync_qbo_id` makes a create safe to repeat after a crash: the second run finds the
 * record the first one made.
 */
export async function batchUpsertObjects(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  idProperty: string,
  inputs: readonly { key: string; properties: Properties }[],
): Promise<ItemResult<HubSpotObject>[]> {
  const out: ItemResult<HubSpotObject>[] = [];
  for (const part of chunk(inputs)) {
    const body = {
      inputs: part.map((i) => ({
        id: i.key,
        idProperty,
        properties: { ...i.properties, [idProperty]: i.key },
      })),
    };
    const response = await settle(() =>
      client.call('standard', (sdk) => sdk.crm.objects.batchApi.upsertWithHttpInfo(objectType, body)),
    );
    if (!response.ok) {
      out.push(...part.map(() => response));
      continue;
    }
    const byKey = new Map(response.value.results.map((r) => [r.properties[idProperty] ?? '', r]));
    for (const input of part) out.push(pick(byKey.get(input.key), input.key, response.value.errors));
  }
  return out;
}

/** Updates by record id, 100 per call, results in input order. */
export async function batchUpdateObjects(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  inputs: readonly { id: string; properties: Properties }[],
): Promise<ItemResult<HubSpotObject>[]> {
  const out: ItemResult<HubSpotObject>[] = [];
  for (const part of chunk(inputs)) {
    const body = { inputs: part.map((i) => ({ id: i.id, properties: i.properties })) };
    const response = await settle(() =>
      client.call('standard', (sdk) => sdk.crm.objects.batchApi.updateWithHttpInfo(objectType, body)),
    );
    if (!response.ok) {
      out.push(...part.map(() => response));
      continue;
    }
    const byId = new Map(response.value.results.map((r) => [r.id, r]));
    for (const input of part) out.push(pick(byId.get(input.id), input.id, response.value.errors));
  }
  return out;
}

/** Plain creates (no idempotency key), for records that have none; prefer upsert. */
export async function batchCreateObjects(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  inputs: readonly Properties[],
): Promise<HubSpotObject[]> {
  const out: HubSpotObject[] = [];
  for (const part of chunk(inputs)) {
    const body = { inputs: part.map((properties) => ({ properties, associations: [] })) };
    const raw = await client.call('standard', (sdk) =>
      sdk.crm.objects.batchApi.createWithHttpInfo(objectType, body),
    );
    out.push(...batchResponseSchema.parse(raw).results);
  }
  return out;
}

export async function batchArchiveObjects(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  ids: readonly string[],
): Promise<void> {
  for (const part of chunk(ids)) {
    const body = { inputs: part.map((id) => ({ id })) };
    await client.call('standard', (sdk) => sdk.crm.objects.batchApi.archiveWithHttpInfo(objectType, body));
  }
}

type Settled =
  | { ok: true; value: { results: HubSpotObject[]; errors?: StandardError[] | undefined } }
  | { ok: false; failure: HubSpotFailure };

async function settle(fn: () => Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: batchResponseSchema.parse(await fn()) };
  } catch (error) {
    if (error instanceof HubSpotCallError) return { ok: false, failure: error.failure };
    throw error;
  }
}

/** A 207 names failed inputs in each error's `context.ids` (when it does); fall back to the first error. */
function pick(
  found: HubSpotObject | undefined,
  key: string,
  errors: StandardError[] | undefined,
): ItemResult<HubSpotObject> {
  if (found) return { ok: true, value: found };
  const error =
    errors?.find((e) => Object.values(e.context ?? {}).some((v) => v.includes(key))) ?? errors?.[0];
  return {
    ok: false,
    failure: {
      status: 400,
      category: error?.category ?? 'VALIDATION_ERROR',
      message: error?.message ?? `HubSpot returned no result for ${key}`,
      correlationId: null,
      policyName: null,
      networkCode: null,
    },
  };
}
