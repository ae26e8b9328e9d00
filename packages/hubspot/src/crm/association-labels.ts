import { z } from 'zod';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import type { HubSpotObjectType } from './object-types.ts';

const labelsSchema = z
  .object({
    results: z.array(
      z
        .object({ category: z.string(), typeId: z.number().int(), label: z.string().nullable().optional() })
        .loose(),
    ),
  })
  .loose();

/**
 * The id of HubSpot's default (unlabelled) association type from `fromType` to `toType`, as the
 * portal's association labels API answers it; null when it names none. Ids are read, never assumed:
 * a wrong id in a create's `associations` fails the create, or links with the wrong meaning.
 */
export async function readDefaultAssociationTypeId(
  client: HubSpotClient,
  fromType: HubSpotObjectType,
  toType: HubSpotObjectType,
): Promise<number | null> {
  const raw = await client.call('standard', (sdk) =>
    sdk.crm.associations.v4.schema.definitionsApi.getAllWithHttpInfo(fromType, toType),
  );
  const found = labelsSchema
    .parse(raw)
    .results.find((r) => r.category === 'HUBSPOT_DEFINED' && (r.label ?? null) === null);
  return found?.typeId ?? null;
}
