import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { homeCurrency, type OpContext } from './context.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { applyActiveSuffix, assertMaxLength, assertUniqueName, isActive } from './name-rules.ts';

// AccountType → [Classification, default AccountSubType]
const TYPES: Record<string, [string, string]> = {
  Bank: ['Asset', 'Checking'],
  'Other Current Asset': ['Asset', 'OtherCurrentAssets'],
  'Fixed Asset': ['Asset', 'OtherFixedAssets'],
  'Other Asset': ['Asset', 'OtherLongTermAssets'],
  'Accounts Receivable': ['Asset', 'AccountsReceivable'],
  Equity: ['Equity', 'OwnersEquity'],
  Expense: ['Expense', 'OtherMiscellaneousServiceCost'],
  'Other Expense': ['Expense', 'OtherMiscellaneousExpense'],
  'Cost of Goods Sold': ['Expense', 'SuppliesMaterialsCogs'],
  'Accounts Payable': ['Liability', 'AccountsPayable'],
  'Credit Card': ['Liability', 'CreditCard'],
  'Long Term Liability': ['Liability', 'OtherLongTermLiabilities'],
  'Other Current Liability': ['Liability', 'OtherCurrentLiabilities'],
  Income: ['Revenue', 'ServiceFeeIncome'],
  'Other Income': ['Revenue', 'OtherMiscellaneousIncome'],
};

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  if (typeof body.Name !== 'string' || body.Name.trim() === '') throw faults.required('Name');
  assertMaxLength(body.Name, 100, 'Name');
  if (body.AccountType === undefined && body.AccountSubType === undefined)
    throw faults.required('AccountType');
  const type = typeof body.AccountType === 'string' ? body.AccountType : 'Income';
  const info = TYPES[type];
  if (!info) throw faults.invalidEnum('AccountType', type);
  assertUniqueName(
    ctx,
    ['Account'],
    'Name',
    body.Name,
    { entity: 'Account', id: existing?.Id as string | undefined },
    'Another account is already using this name. Please use a different name.',
  );
  const active = isActive(body, existing);
  const name = applyActiveSuffix(body.Name, active);
  return {
    SubAccount: false,
    CurrentBalance: 0,
    CurrentBalanceWithSubAccounts: 0,
    CurrencyRef: homeCurrency(ctx),
    ...body,
    Name: name,
    FullyQualifiedName: name,
    Active: active,
    Classification: info[0],
    AccountType: type,
    AccountSubType: typeof body.AccountSubType === 'string' ? body.AccountSubType : info[1],
  };
}

export const accountDef: EntityDef = {
  name: 'Account',
  nameList: true,
  creatable: true,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  knownFields: fieldSet(
    'Name SubAccount ParentRef Description FullyQualifiedName AccountAlias TxnLocationType Active Classification AccountType AccountSubType AcctNum AcctNumExtn BankNum OpeningBalance OpeningBalanceDate CurrentBalance CurrentBalanceWithSubAccounts CurrencyRef TaxAccount TaxCodeRef OnlineBankingEnabled FIName',
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    Name: 'string',
    AccountType: 'string',
    AccountSubType: 'string',
    Classification: 'string',
    Active: 'boolean',
    FullyQualifiedName: 'string',
    CurrentBalance: 'number',
  },
  prepare,
};
