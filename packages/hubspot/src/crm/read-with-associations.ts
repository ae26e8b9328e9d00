import { z } from 'zod';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError } from '../http/hubspot-failure.ts';
import { type HubSpotObject, hubspotObjectSchema } from './hubspot-object.ts';
import type { HubSpotObjectType } from './object-types.ts';

const associatedSchema = z
  .object({
    results: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) }).loose()),
    paging: z.unknown().optional(),
  })
  .loose();

const withAssociationsSchema = hubspotObjectSchema.extend({
  associations: z.record(z.string(), associatedSchema).optional(),
});

/** HubSpot keys a v3 read's associations by a display form of the type ("line items"). */
const keyOf = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/**
 * One record and the ids it is associated with, in one call (v3 read with `associations`), where
 * a batch read and one associations read per type would take three. Null when the record does
 * not exist; `complete` false when HubSpot paged an association list (then it is read apart).
 */
export async function readWithAssociations(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  id: string,
  properties: readonly string[],
  toTypes: readonly HubSpotObjectType[],
): Promise<{
  object: HubSpotObject;
  associations: Map<HubSpotObjectType, string[]>;
  complete: boolean;
} | null> {
  let raw: unknown;
  try {
    raw = await client.call('standard', (sdk) =>
      sdk.crm.objects.basicApi.getByIdWithHttpInfo(objectType, id, [...properties], [], [...toTypes], false),
    );
  } catch (error) {
    if (error instanceof HubSpotCallError && error.failure.status === 404) return null;
    throw error;
  }
  const { associations: found, ...object } = withAssociationsSchema.parse(raw);
  const byKey = new Map(Object.entries(found ?? {}).map(([k, v]) => [keyOf(k), v]));
  const associations = new Map<HubSpotObjectType, string[]>();
  let complete = true;
  for (const to of toTypes) {
    const list = byKey.get(keyOf(to));
    if (list?.paging) complete = false;
    associations.set(to, [...new Set((list?.results ?? []).map((r) => r.id))]);
  }
  return { object, associations, complete };
}
