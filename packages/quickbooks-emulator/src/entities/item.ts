import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import type { OpContext } from './context.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { applyActiveSuffix, assertMaxLength, assertUniqueName, isActive } from './name-rules.ts';
import { refTo, resolveRef } from './refs.ts';

const TYPES = new Set(['Service', 'NonInventory', 'Inventory', 'Group', 'Category', 'Bundle', 'OtherCharge']);
const NEEDS_INCOME_ACCOUNT = new Set(['Service', 'NonInventory', 'Inventory', 'OtherCharge']);
const RECEIVABLE_OR_PAYABLE = new Set(['Accounts Receivable', 'Accounts Payable']);

function accountRef(ctx: OpContext, ref: unknown, element: string): Json {
  const account = resolveRef(ctx, 'Account', ref, element);
  if (RECEIVABLE_OR_PAYABLE.has(String(account.AccountType))) throw faults.invalidAccountType();
  return refTo(account);
}

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  if (typeof body.Name !== 'string' || body.Name.trim() === '') throw faults.required('Name');
  assertMaxLength(body.Name, 100, 'Name');
  assertMaxLength(body.Sku, 100, 'Sku');
  const type = typeof body.Type === 'string' ? body.Type : 'Service';
  if (!TYPES.has(type)) throw faults.invalidEnum('Type', type);
  assertUniqueName(
    ctx,
    ['Item'],
    'Name',
    body.Name,
    { entity: 'Item', id: existing?.Id as string | undefined },
    'Another product or service is already using this name. Please use a different name.',
  );
  const out: Json = {
    Taxable: false,
    UnitPrice: 0,
    PurchaseCost: 0,
    TrackQtyOnHand: false,
    ...body,
    Type: type,
  };
  if (NEEDS_INCOME_ACCOUNT.has(type)) {
    if (body.IncomeAccountRef === undefined) throw faults.required('IncomeAccountRef');
    out.IncomeAccountRef = accountRef(ctx, body.IncomeAccountRef, 'IncomeAccountRef');
  }
  if (type === 'Inventory') {
    if (body.AssetAccountRef === undefined) throw faults.required('AssetAccountRef');
    out.AssetAccountRef = accountRef(ctx, body.AssetAccountRef, 'AssetAccountRef');
  }
  if (body.ExpenseAccountRef !== undefined)
    out.ExpenseAccountRef = accountRef(ctx, body.ExpenseAccountRef, 'ExpenseAccountRef');
  const active = isActive(body, existing);
  const name = applyActiveSuffix(body.Name, active);
  return { ...out, Name: name, FullyQualifiedName: name, Active: active };
}

export const itemDef: EntityDef = {
  name: 'Item',
  nameList: true,
  creatable: true,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  knownFields: fieldSet(
    'Name Sku Description Active SubItem ParentRef Level FullyQualifiedName Taxable SalesTaxIncluded UnitPrice Type PaymentMethodRef UQCDisplayText UQCId IncomeAccountRef PurchaseDesc PurchaseTaxIncluded PurchaseCost ExpenseAccountRef AssetAccountRef PrefVendorRef TrackQtyOnHand QtyOnHand InvStartDate SalesTaxCodeRef PurchaseTaxCodeRef ClassRef Source AbatementRate ReverseChargeRate ServiceType ItemCategoryType TaxClassificationRef ReorderPoint ManPartNum',
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    Name: 'string',
    Sku: 'string',
    Type: 'string',
    Active: 'boolean',
    FullyQualifiedName: 'string',
  },
  prepare,
};
