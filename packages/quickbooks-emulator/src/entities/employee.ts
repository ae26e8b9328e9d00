import type { Json } from '../core/json.ts';
import type { OpContext } from './context.ts';
import { preparePersonName } from './display-name.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { NAME_BASE_FIELDS } from './name-rules.ts';

const MASKED_SSN = 'XXX-XX-XXXX';

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  const { display, stored, active } = preparePersonName(ctx, 'Employee', body, existing);
  // Writing back what a read returned (the masked number) must not overwrite the real one.
  const ssn = body.SSN === MASKED_SSN && existing?.SSN !== undefined ? { SSN: existing.SSN } : {};
  return {
    BillableTime: false,
    ...body,
    ...ssn,
    DisplayName: stored,
    PrintOnCheckName: typeof body.PrintOnCheckName === 'string' ? body.PrintOnCheckName : display,
    Active: active,
  };
}

/** QBO answers an employee's social security number masked. */
function view(_ctx: OpContext, data: Json): Json {
  return typeof data.SSN === 'string' && data.SSN !== '' ? { ...data, SSN: MASKED_SSN } : data;
}

export const employeeDef: EntityDef = {
  name: 'Employee',
  nameList: true,
  creatable: true,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  keepsVersionWhenUnchanged: true,
  knownFields: fieldSet(
    `${NAME_BASE_FIELDS} EmployeeType EmployeeNumber SSN PrimaryAddr OtherAddr BillableTime BillRate BirthDate Gender HiredDate ReleasedDate UseTimeEntry EmployeeEx CostRate Notes`,
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    DisplayName: 'string',
    GivenName: 'string',
    FamilyName: 'string',
    Active: 'boolean',
  },
  prepare,
  view,
};
