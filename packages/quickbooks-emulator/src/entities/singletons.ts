import type { Json } from '../core/json.ts';
import { deepMerge } from '../store/create-company.ts';
import type { OpContext } from './context.ts';
import { COMMON_QUERY_FIELDS, type EntityDef } from './entity-def.ts';

// Preferences and CompanyInfo exist once per company; an update merges into the stored object.
function mergeInto(_ctx: OpContext, body: Json, existing: Json | undefined): Json {
  return deepMerge(existing ?? {}, body);
}

export const preferencesDef: EntityDef = {
  name: 'Preferences',
  nameList: false,
  creatable: false,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  queryFields: { ...COMMON_QUERY_FIELDS },
  prepare: mergeInto,
};

export const companyInfoDef: EntityDef = {
  name: 'CompanyInfo',
  nameList: false,
  creatable: false,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  queryFields: { ...COMMON_QUERY_FIELDS, CompanyName: 'string', Country: 'string' },
  prepare: mergeInto,
};

export const taxCodeDef: EntityDef = {
  name: 'TaxCode',
  nameList: true,
  creatable: false,
  updatable: false,
  deletable: false,
  voidable: false,
  transaction: false,
  queryFields: { ...COMMON_QUERY_FIELDS, Name: 'string', Active: 'boolean', Taxable: 'boolean' },
};
