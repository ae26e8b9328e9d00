import { z } from 'zod';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { chunk, type HubSpotObjectType } from './object-types.ts';

/**
 * Inputs per associations v4 batch call: HubSpot caps batch read at 1,000 ids (changelog, Feb 2025)
 * and batch create at 2,000; 100 per call spent ten calls where one does.
 */
const ASSOCIATIONS_PER_BATCH = 1000;

const batchAssociationsSchema = z
  .object({
    results: z.array(
      z
        .object({
          _from: z.object({ id: z.string() }),
          to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) }).loose()),
          paging: z
            .object({ next: z.object({ after: z.string() }).optional() })
            .loose()
            .optional(),
        })
        .loose(),
    ),
  })
  .loose();

/**
 * Associations v4: ids of `toType` records associated with each `fromIds` record, batch-read
 * 1,000 at a time and followed page by page for records with many associations.
 */
export async function readAssociations(
  client: HubSpotClient,
  fromType: HubSpotObjectType,
  toType: HubSpotObjectType,
  fromIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(fromIds.map((id) => [id, []]));
  let pending: { id: string; after?: string }[] = [...new Set(fromIds)].map((id) => ({ id }));
  while (pending.length > 0) {
    const next: { id: string; after: string }[] = [];
    for (const part of chunk(pending, ASSOCIATIONS_PER_BATCH)) {
      const raw = await client.call('standard', (sdk) =>
        sdk.crm.associations.v4.batchApi.getPageWithHttpInfo(fromType, toType, { inputs: part }),
      );
      for (const result of batchAssociationsSchema.parse(raw).results) {
        const list = out.get(result._from.id) ?? [];
        list.push(...result.to.map((t) => t.toObjectId));
        out.set(result._from.id, list);
        const after = result.paging?.next?.after;
        if (after) next.push({ id: result._from.id, after });
      }
    }
    pending = next;
  }
  return out;
}

/** Creates default (unlabelled) associations in batches of 1,000; associating twice is harmless. */
export async function associateDefault(
  client: HubSpotClient,
  fromType: HubSpotObjectType,
  toType: HubSpotObjectType,
  pairs: readonly { from: string; to: string }[],
): Promise<void> {
  for (const part of chunk(pairs, ASSOCIATIONS_PER_BATCH)) {
    const inputs = part.map((p) => ({ _from: { id: p.from }, to: { id: p.to } }));
    await client.call('standard', (sdk) =>
      sdk.crm.associations.v4.batchApi.createDefaultWithHttpInfo(fromType, toType, { inputs }),
    );
  }
}

/** Removes every association between each pair (all labels), in batches of 100. */
export async function removeAssociations(
  client: HubSpotClient,
  fromType: HubSpotObjectType,
  toType: HubSpotObjectType,
  pairs: readonly { from: string; to: string }[],
): Promise<void> {
  for (const part of chunk(pairs)) {
    const inputs = part.map((p) => ({ _from: { id: p.from }, to: [{ id: p.to }] }));
    await client.call('standard', (sdk) =>
      sdk.crm.associations.v4.batchApi.archiveWithHttpInfo(fromType, toType, { inputs }),
    );
  }
}
