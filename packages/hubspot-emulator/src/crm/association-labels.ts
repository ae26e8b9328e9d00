import { conflict } from '../http/hubspot-error.ts';
import type { AssociationTypeDef } from './association-types.ts';
import type { Portal } from './portal.ts';

let nextCustomTypeId = 1001;

export function typesBetween(portal: Portal, fromTypeId: string, toTypeId: string): AssociationTypeDef[] {
  return portal.associationTypes.filter((d) => d.fromTypeId === fromTypeId && d.toTypeId === toTypeId);
}

/** A user-defined label pair (one id each way); an unlabelled inverse reuses the label. */
export function createLabel(
  portal: Portal,
  fromTypeId: string,
  toTypeId: string,
  label: string,
  inverseLabel?: string,
): AssociationTypeDef[] {
  if (typesBetween(portal, fromTypeId, toTypeId).some((d) => d.label === label)) {
    throw conflict(`An association label "${label}" already exists between ${fromTypeId} and ${toTypeId}.`);
  }
  const typeId = nextCustomTypeId++;
  const inverse = fromTypeId === toTypeId && !inverseLabel ? typeId : nextCustomTypeId++;
  const base = { category: 'USER_DEFINED' as const, isDefault: false };
  const forward = { fromTypeId, toTypeId, typeId, inverseTypeId: inverse, label, ...base };
  const backward = {
    fromTypeId: toTypeId,
    toTypeId: fromTypeId,
    typeId: inverse,
    inverseTypeId: typeId,
    ...base,
  };
  portal.associationTypes.push(forward);
  if (inverse !== typeId) portal.associationTypes.push({ ...backward, label: inverseLabel ?? label });
  return [forward];
}

export function labelView(d: AssociationTypeDef): { category: string; typeId: number; label: string | null } {
  return { category: d.category, typeId: d.typeId, label: d.label };
}
