import { notFound, validation } from '../http/hubspot-error.ts';
import type { AssociationTypeDef } from './association-types.ts';
import type { Portal, StoredObject } from './portal.ts';

/** Finds a record by id, or by the value of a unique property when `idProperty` is given. */
export function findByIdOrProperty(
  portal: Portal,
  typeId: string,
  id: string,
  idProperty?: string,
  includeArchived = false,
): StoredObject | undefined {
  if (!idProperty || idProperty === 'hs_object_id') {
    const o = portal.store(typeId).get(id);
    if (o?.mergedInto !== undefined) return findByIdOrProperty(portal, typeId, o.mergedInto);
    return o && (includeArchived || !o.archived) ? o : undefined;
  }
  const def = portal.propertyDefs(typeId).get(idProperty);
  if (!def?.hasUniqueValue) {
    throw validation(`${idProperty} is not a unique property and cannot be used as idProperty.`);
  }
  for (const o of portal.store(typeId).values()) {
    if (o.archived && !includeArchived) continue;
    if (o.properties[idProperty]?.toLowerCase() === id.toLowerCase()) return o;
  }
  return undefined;
}

export function requireObject(portal: Portal, typeId: string, id: string, idProperty?: string): StoredObject {
  const o = findByIdOrProperty(portal, typeId, id, idProperty);
  if (!o) {
    const err = notFound('Object not found.  objectId are usually numeric.');
    err.init.context = { id: [id] };
    throw err;
  }
  return o;
}

export function defaultAssociation(portal: Portal, fromTypeId: string, toTypeId: string): AssociationTypeDef {
  const def = portal.associationTypes.find(
    (d) => d.fromTypeId === fromTypeId && d.toTypeId === toTypeId && d.isDefault,
  );
  if (!def) throw validation(`No default association type exists between ${fromTypeId} and ${toTypeId}.`);
  return def;
}

export function associationById(
  portal: Portal,
  fromTypeId: string,
  typeId: number,
  toTypeId?: string,
): AssociationTypeDef {
  const def = portal.associationTypes.find(
    (d) =>
      d.fromTypeId === fromTypeId &&
      d.typeId === typeId &&
      (toTypeId === undefined || d.toTypeId === toTypeId),
  );
  if (!def) throw validation(`${typeId} is not a valid association type id from ${fromTypeId}.`);
  return def;
}
