import type { AssociationTypeDef } from '../crm/association-types.ts';
import { findObjectType, type ObjectType, objectTypeById } from '../crm/object-types.ts';
import type { Portal, StoredObject } from '../crm/portal.ts';

export interface ReadOptions {
  /** `'all'` returns every property with a value (HubSpot's create and update responses). */
  properties?: string[] | 'all' | undefined;
  propertiesWithHistory?: string[] | undefined;
  associations?: string[] | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Requested properties (null when empty) plus the ones HubSpot always returns. */
export function pickProperties(
  type: ObjectType,
  obj: StoredObject,
  names?: string[] | 'all',
): Record<string, string | null> {
  if (names === 'all') return { ...obj.properties };
  const wanted = names && names.length > 0 ? names : type.defaultProperties;
  const out: Record<string, string | null> = {};
  for (const n of [...wanted, 'hs_object_id', type.createdProperty, ...type.modifiedProperties]) {
    out[n] = obj.properties[n] ?? null;
  }
  return out;
}

/** HubSpot leaves out requested names that are not properties of the type. */
function knownOnly(
  portal: Portal,
  typeId: string,
  names: ReadOptions['properties'],
): ReadOptions['properties'] {
  if (!Array.isArray(names)) return names;
  const defs = portal.propertyDefs(typeId);
  return names.filter((n) => defs.has(n));
}

export function associationTypeName(def: AssociationTypeDef | undefined, typeId: number): string {
  if (!def?.isDefault) return String(typeId);
  return `${objectTypeById(def.fromTypeId).singular}_to_${objectTypeById(def.toTypeId).singular}`;
}

export function serializeObject(
  portal: Portal,
  obj: StoredObject,
  opts: ReadOptions = {},
): Record<string, unknown> {
  const type = objectTypeById(obj.typeId);
  const out: Record<string, unknown> = {
    id: obj.id,
    properties: pickProperties(type, obj, knownOnly(portal, obj.typeId, opts.properties)),
    createdAt: iso(obj.createdAt),
    updatedAt: iso(obj.updatedAt),
    archived: obj.archived,
  };
  if (obj.archivedAt !== undefined) out.archivedAt = iso(obj.archivedAt);
  if (opts.propertiesWithHistory && opts.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown[]> = {};
    for (const n of opts.propertiesWithHistory) {
      const value = obj.properties[n];
      history[n] =
        value === undefined
          ? []
          : [{ value, timestamp: iso(obj.updatedAt), sourceType: obj.properties.hs_object_source ?? 'API' }];
    }
    out.propertiesWithHistory = history;
  }
  const assoc = serializeAssociations(portal, obj, opts.associations ?? []);
  if (assoc) out.associations = assoc;
  return out;
}

function serializeAssociations(portal: Portal, obj: StoredObject, toTypes: string[]) {
  const out: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  for (const segment of toTypes) {
    const to = findObjectType(segment);
    if (!to) continue;
    const results = portal.associations.list(obj.typeId, obj.id, to.id).flatMap((edge) =>
      edge.typeIds.map((typeId) => {
        const def = portal.associationTypes.find(
          (d) => d.typeId === typeId && d.fromTypeId === obj.typeId && d.toTypeId === to.id,
        );
        return { id: edge.toId, type: associationTypeName(def, typeId) };
      }),
    );
    if (results.length > 0) out[to.associationKey] = { results };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
