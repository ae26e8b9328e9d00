import { readDefaultAssociationTypeId } from '../crm/association-labels.ts';
import type { HubSpotObjectType } from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';

/** `from->to` (HubSpot object type names) → the default association type id. */
export type AssociationTypeIds = Readonly<Record<string, number>>;

/** Where a portal's association type ids are kept between drains (the installation's row). */
export interface AssociationTypeStore {
  load(): Promise<AssociationTypeIds>;
  save(ids: AssociationTypeIds): Promise<void>;
}

export interface AssociationTypeCatalogue {
  /** The stored id, or read from the labels API (and stored) the first time; null: HubSpot names none. */
  typeIdFor(fromType: HubSpotObjectType, toType: HubSpotObjectType): Promise<number | null>;
  /**
   * Reads the pairs' ids again (a create refused a stored one: the portal's ids changed). At most
   * once per catalogue, so a create that fails for another reason does not read them on every retry.
   * Returns whether it read them.
   */
  refresh(pairs: readonly (readonly [HubSpotObjectType, HubSpotObjectType])[]): Promise<boolean>;
}

const keyOf = (from: HubSpotObjectType, to: HubSpotObjectType) => `${from}->${to}`;

export function createAssociationTypeCatalogue(
  client: HubSpotClient,
  store: AssociationTypeStore | null = null,
): AssociationTypeCatalogue {
  let ids: Promise<Record<string, number>> | null = null;
  let refreshed = false;
  // Pairs HubSpot names no default type for: not asked again by this catalogue.
  const none = new Set<string>();
  const loaded = () => {
    ids ??= store ? store.load().then((stored) => ({ ...stored })) : Promise.resolve({});
    return ids;
  };
  async function read(pairs: readonly (readonly [HubSpotObjectType, HubSpotObjectType])[]): Promise<void> {
    const current = await loaded();
    for (const [from, to] of pairs) {
      const id = await readDefaultAssociationTypeId(client, from, to);
      if (id === null) {
        delete current[keyOf(from, to)];
        none.add(keyOf(from, to));
      } else current[keyOf(from, to)] = id;
    }
    await store?.save({ ...current });
  }
  return {
    async typeIdFor(from, to) {
      const current = await loaded();
      const known = current[keyOf(from, to)];
      if (known !== undefined) return known;
      if (none.has(keyOf(from, to))) return null;
      await read([[from, to]]);
      return current[keyOf(from, to)] ?? null;
    },
    async refresh(pairs) {
      if (refreshed || pairs.length === 0) return false;
      refreshed = true;
      await read(pairs);
      return true;
    },
  };
}
