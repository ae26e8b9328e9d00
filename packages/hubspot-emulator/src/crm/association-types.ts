export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationTypeDef {
  fromTypeId: string;
  toTypeId: string;
  typeId: number;
  /** The id of the same link seen from the other side. */
  inverseTypeId: number;
  category: AssociationCategory;
  label: string | null;
  /** Default (unlabelled) type used by the `default` endpoints. */
  isDefault: boolean;
}

/**
 * Built-in default types as [from, to, typeId, inverseTypeId]. Invoice ids are the commonly cited
 * ones; ids marked "chosen" in README were not confirmed in HubSpot's docs.
 */
const DEFAULTS: Array<[string, string, number, number]> = [
  ['0-53', '0-1', 177, 178],
  ['0-53', '0-2', 179, 180],
  ['0-53', '0-3', 175, 176],
  ['0-53', '0-8', 409, 410],
  ['0-53', '0-101', 541, 542],
  ['0-3', '0-8', 19, 20],
  ['0-3', '0-1', 3, 4],
  ['0-3', '0-2', 341, 342],
  ['0-1', '0-2', 279, 280],
  ['0-101', '0-1', 387, 388],
  ['0-101', '0-2', 389, 390],
];

function both([from, to, typeId, inverse]: [string, string, number, number]): AssociationTypeDef[] {
  const base = { category: 'HUBSPOT_DEFINED' as const, label: null, isDefault: true };
  return [
    { fromTypeId: from, toTypeId: to, typeId, inverseTypeId: inverse, ...base },
    { fromTypeId: to, toTypeId: from, typeId: inverse, inverseTypeId: typeId, ...base },
  ];
}

export function builtInAssociationTypes(): AssociationTypeDef[] {
  return DEFAULTS.flatMap(both);
}
