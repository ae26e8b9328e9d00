import { associateDefault } from '../crm/associations.ts';
import { batchCreateLinked, batchUpsertObjects, type ItemResult } from '../crm/batch-objects.ts';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { chunk, type HubSpotObjectType, QBO_ID_PROPERTY } from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import type { HubSpotFailure } from '../http/hubspot-failure.ts';
import type { AssociationTypeCatalogue } from './association-type-catalogue.ts';

/** A record to create, keyed on `ledgersync_qbo_id`, with the records it links to. */
export interface NewRecord {
  readonly key: string;
  readonly properties: Properties;
  readonly links: readonly { readonly toType: HubSpotObjectType; readonly toId: string }[];
}

/** A created record: `fresh` when this call made it (a replay finds the first attempt's). */
export type CreatedRecord = ItemResult<HubSpotObject> & { readonly fresh?: boolean };

/** HubSpot names the association in a refusal of a type id it does not know. */
const aboutAssociations = (f: HubSpotFailure) => f.status === 400 && /association/i.test(f.message);

/**
 * Creates records with their associations in the create call, 100 a call. The type ids come from
 * the portal's labels (`catalogue`); a refusal naming associations reads them again once and retries.
 * A batch HubSpot refuses otherwise (a key that exists: a replay after a crash; one bad input) is
 * written the way that is safe to repeat: upserted on the key, bad inputs isolated, then associated.
 * Results in input order.
 */
export async function createRecords(
  client: HubSpotClient,
  catalogue: AssociationTypeCatalogue,
  objectType: HubSpotObjectType,
  records: readonly NewRecord[],
): Promise<CreatedRecord[]> {
  const out: CreatedRecord[] = [];
  for (const part of chunk(records)) out.push(...(await createChunk(client, catalogue, objectType, part)));
  return out;
}

async function createChunk(
  client: HubSpotClient,
  catalogue: AssociationTypeCatalogue,
  objectType: HubSpotObjectType,
  records: readonly NewRecord[],
): Promise<CreatedRecord[]> {
  const toTypes = [...new Set(records.flatMap((r) => r.links.map((l) => l.toType)))];
  const attempt = async () => {
    const typeIds = new Map<HubSpotObjectType, number | null>();
    for (const to of toTypes) typeIds.set(to, await catalogue.typeIdFor(objectType, to));
    if ([...typeIds.values()].some((id) => id === null)) return null;
    const inputs = records.map((r) => ({
      key: r.key,
      properties: r.properties,
      associations: r.links.map((l) => ({ toId: l.toId, typeId: typeIds.get(l.toType) ?? 0 })),
    }));
    return batchCreateLinked(client, objectType, QBO_ID_PROPERTY, inputs);
  };
  let answer = await attempt();
  if (answer && !answer.ok && aboutAssociations(answer.failure)) {
    if (await catalogue.refresh(toTypes.map((to) => [objectType, to] as const))) answer = await attempt();
  }
  if (answer?.ok) return answer.results.map((r) => ({ ...r, fresh: true }));
  if (answer && !retryableApart(answer.failure)) return records.map(() => answer);
  return upsertThenLink(client, objectType, records);
}

/** A refusal of the inputs (not of the call): written apart, it can succeed for all but the bad ones. */
function retryableApart(f: HubSpotFailure): boolean {
  return f.status === 400 || f.status === 409;
}

async function upsertThenLink(
  client: HubSpotClient,
  objectType: HubSpotObjectType,
  records: readonly NewRecord[],
): Promise<CreatedRecord[]> {
  const results = await batchUpsertObjects(
    client,
    objectType,
    QBO_ID_PROPERTY,
    records.map((r) => ({ key: r.key, properties: r.properties })),
  );
  const pairs = new Map<HubSpotObjectType, { from: string; to: string }[]>();
  results.forEach((r, i) => {
    if (!r.ok) return;
    for (const link of records[i]?.links ?? []) {
      const list = pairs.get(link.toType) ?? [];
      list.push({ from: r.value.id, to: link.toId });
      pairs.set(link.toType, list);
    }
  });
  // Associating twice is harmless: a replay re-links what the first attempt linked.
  for (const [toType, list] of pairs) await associateDefault(client, objectType, toType, list);
  return results.map((r) => (r.ok ? { ...r, fresh: (r.value.new ?? r.value._new) === true } : r));
}
