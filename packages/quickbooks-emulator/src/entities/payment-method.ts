import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import type { OpContext } from './context.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { assertMaxLength, assertUniqueName, isActive } from './name-rules.ts';

const TYPES = ['CREDIT_CARD', 'NON_CREDIT_CARD'];

/** The methods a new QBO company lists (as the recorded sales receipts reference them: 1 Cash, 2 Check). */
export const DEFAULT_PAYMENT_METHODS: readonly (readonly [string, string])[] = [
  ['Cash', 'NON_CREDIT_CARD'],
  ['Check', 'NON_CREDIT_CARD'],
  ['Visa', 'CREDIT_CARD'],
  ['MasterCard', 'CREDIT_CARD'],
  ['Discover', 'CREDIT_CARD'],
  ['American Express', 'CREDIT_CARD'],
  ['Diners Club', 'CREDIT_CARD'],
];

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  if (typeof body.Name !== 'string' || body.Name.trim() === '') throw faults.required('Name');
  // Finance.xsd says 15 for QBO, yet QBO's own "American Express" has 16: the QBW figure, 31, is kept.
  assertMaxLength(body.Name, 31, 'Name');
  const type = body.Type ?? 'NON_CREDIT_CARD';
  if (typeof type !== 'string' || !TYPES.includes(type)) throw faults.invalidEnum('Type', String(type));
  assertUniqueName(
    ctx,
    ['PaymentMethod'],
    'Name',
    body.Name,
    { entity: 'PaymentMethod', id: existing?.Id as string | undefined },
    'Another payment method is already using this name. Please use a different name.',
  );
  return { ...body, Type: type, Active: isActive(body, existing) };
}

export const paymentMethodDef: EntityDef = {
  name: 'PaymentMethod',
  nameList: true,
  creatable: true,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  knownFields: fieldSet('Name Active Type'),
  queryFields: { ...COMMON_QUERY_FIELDS, Name: 'string', Active: 'boolean', Type: 'string' },
  prepare,
};
