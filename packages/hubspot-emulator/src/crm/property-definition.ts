export type PropertyType =
  | 'string'
  | 'number'
  | 'date'
  | 'datetime'
  | 'enumeration'
  | 'bool'
  | 'phone_number';

export interface PropertyOption {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder: number;
  description?: string | undefined;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  description: string;
  groupName: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hasUniqueValue: boolean;
  hidden: boolean;
  hubspotDefined: boolean;
  formField: boolean;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

const FIELD_TYPE: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
  phone_number: 'phonenumber',
};

export interface BuiltInSpec {
  type?: PropertyType;
  readOnly?: boolean;
  unique?: boolean;
  /** Enumeration options: a value (its label the same) or a value with HubSpot's label. */
  options?: (string | { value: string; label: string })[];
  label?: string;
  group?: string;
}

const EPOCH = '2019-08-06T02:43:01.000Z';

/** Turns the compact built-in table into full HubSpot-shaped definitions. */
export function builtIn(
  name: string,
  spec: BuiltInSpec,
  order: number,
  defaultGroup: string,
): PropertyDefinition {
  const type = spec.type ?? 'string';
  const options = (spec.options ?? []).map((o, i) => ({
    ...(typeof o === 'string' ? { label: o, value: o } : o),
    hidden: false,
    displayOrder: i,
  }));
  return {
    name,
    label: spec.label ?? name,
    type,
    fieldType: type === 'bool' ? 'booleancheckbox' : FIELD_TYPE[type],
    description: '',
    groupName: spec.group ?? defaultGroup,
    options: type === 'bool' ? boolOptions() : options,
    displayOrder: order,
    calculated: spec.readOnly === true,
    externalOptions: false,
    hasUniqueValue: spec.unique === true,
    hidden: false,
    hubspotDefined: true,
    formField: false,
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyValue: spec.readOnly === true,
    },
    createdAt: EPOCH,
    updatedAt: EPOCH,
    archived: false,
  };
}

function boolOptions(): PropertyOption[] {
  return [
    { label: 'Yes', value: 'true', hidden: false, displayOrder: 0 },
    { label: 'No', value: 'false', hidden: false, displayOrder: 1 },
  ];
}
