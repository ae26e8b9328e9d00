import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
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
    const send = (items: typeof part) => {
      const body = {
        inputs: items.map((i) => ({
          id: i.key,
          idProperty,
          properties: { ...i.properties, [idProperty]: i.key },
        })),
      };
      return settle(() =>
        client.call('standard', (sdk) => sdk.crm.objects.batchApi.upsertWithHttpInfo(objectType, body)),
      );
    };
    const results = await isolating(part, send, (items, value) => {
      const byKey = new Map(value.results.map((r) => [r.properties[idProperty] ?? '', r]));
      return items.map((input) => pick(byKey.get(input.key), input.key, value.errors));
    });
    out.push(...results);
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
    const send = (items: typeof part) => {
      const body = { inputs: items.map((i) => ({ id: i.id, properties: i.properties })) };
      return settle(() =>
        client.call('standard', (sdk) => sdk.crm.objects.batchApi.updateWithHttpInfo(objectType, body)),
      );
    };
    const results = await isolating(part, send, (items, value) => {
      const byId = new Map(value.results.map((r) => [r.id, r]));
      return items.map((input) => pick(byId.get(input.id), input.id, value.errors));
    });
    out.push(...results);
  }
  return out;
}

/** A record to create with the records it is associated with (default association types). */
export interface LinkedCreateInput {
  readonly key: string;
  readonly properties: Properties;
  readonly associations: readonly { readonly toId: string; readonly typeId: number }[];
}

/**
 * Creates up to 100 records keyed on a unique property, each with its associations, in one call.
 * HubSpot takes the batch whole or refuses it whole (a key that exists already is a 409), so the
 * answer is every input's record, matched by key, or the one failure.
 */
export async function batchCreateLinked(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  idProperty: string,
  inputs: readonly LinkedCreateInput[],
): Promise<{ ok: true; results: ItemResult<HubSpotObject>[] } | { ok: false; failure: HubSpotFailure }> {
  const body = {
    inputs: inputs.map((i) => ({
      properties: { ...i.properties, [idProperty]: i.key },
      associations: i.associations.map((a) => ({
        to: { id: a.toId },
        types: [
          {
            associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
            associationTypeId: a.typeId,
          },
        ],
      })),
    })),
  };
  const response = await settle(() =>
    client.call('standard', (sdk) => sdk.crm.objects.batchApi.createWithHttpInfo(objectType, body)),
  );
  if (!response.ok) return response;
  const byKey = new Map(response.value.results.map((r) => [r.properties[idProperty] ?? '', r]));
  return { ok: true, results: inputs.map((i) => pick(byKey.get(i.key), i.key, response.value.errors)) };
}

/**
 * Plain creates, for records that have no key. Not idempotent: a retry after a dropped connection
 * can create twice, so the ports never use it (they upsert); seeding and tests do.
 */
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

/**
 * HubSpot rejects a whole batch for one bad input (400/409). Upserts and updates are safe to
 * repeat, so the batch is split in halves until the bad inputs stand alone: one failed command
 * never fails the others. Auth, rate-limit and server failures are not split (they are not the
 * input's fault).
 */
async function isolating<I>(
  items: I[],
  send: (items: I[]) => Promise<Settled>,
  toResults: (items: I[], value: Extract<Settled, { ok: true }>['value']) => ItemResult<HubSpotObject>[],
): Promise<ItemResult<HubSpotObject>[]> {
  const response = await send(items);
  if (response.ok) return toResults(items, response.value);
  const status = response.failure.status;
  if (items.length < 2 || (status !== 400 && status !== 409)) return items.map(() => response);
  const mid = Math.ceil(items.length / 2);
  return [
    ...(await isolating(items.slice(0, mid), send, toResults)),
    ...(await isolating(items.slice(mid), send, toResults)),
  ];
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
