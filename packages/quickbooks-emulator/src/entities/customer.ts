import { validationFault } from '../core/fault.ts';
import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject, refValue } from '../core/json.ts';
import { dec, money, sum } from '../core/money.ts';
import { homeCurrency, type OpContext } from './context.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { applyActiveSuffix, assertMaxLength, assertUniqueName, isActive } from './name-rules.ts';

const NAME_PARTS = ['Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix'] as const;

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  const parts = NAME_PARTS.map((k) => body[k]).filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  let display =
    typeof body.DisplayName === 'string' && body.DisplayName.trim() !== '' ? body.DisplayName : undefined;
  if (display === undefined && parts.length === 0) throw faults.noName();
  display ??= parts.join(' ');
  assertMaxLength(display, 500, 'DisplayName');
  if (display.includes(':')) throw faults.business('The name cannot contain a colon (:).');
  const active = isActive(body, existing);
  assertUniqueName(
    ctx,
    'Customer',
    'DisplayName',
    display,
    existing?.Id as string | undefined,
    'Another customer, vendor or employee is already using this name. Please use a different name.',
  );
  const email = isObject(body.PrimaryEmailAddr) ? body.PrimaryEmailAddr.Address : undefined;
  if (typeof email === 'string' && email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw validationFault(
      '2210',
      'Email Address does not conform to the syntax rules of RFC 822',
      `Email Address does not conform to the syntax rules of RFC 822. Supplied value:${email}`,
      'PrimaryEmailAddr',
    );
  }
  const name = applyActiveSuffix(display, active);
  return {
    Taxable: true,
    Job: false,
    BillWithParent: false,
    CurrencyRef: homeCurrency(ctx),
    PreferredDeliveryMethod: 'Print',
    ...body,
    FullyQualifiedName: name,
    DisplayName: name,
    PrintOnCheckName: typeof body.PrintOnCheckName === 'string' ? body.PrintOnCheckName : display,
    Active: active,
  };
}

/** A customer's balance is what its open invoices still owe, less its unapplied payments. */
function view(ctx: OpContext, data: Json): Json {
  const open = ctx.realm
    .list('Invoice')
    .filter((r) => refValue(r.data.CustomerRef) === data.Id)
    .map((r) => dec(r.data.Balance));
  const credit = ctx.realm
    .list('Payment')
    .filter((r) => refValue(r.data.CustomerRef) === data.Id)
    .map((r) => dec(r.data.UnappliedAmt));
  const balance = money(sum(open).minus(sum(credit)));
  return { ...data, Balance: balance, BalanceWithJobs: balance };
}

export const customerDef: EntityDef = {
  name: 'Customer',
  nameList: true,
  creatable: true,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  knownFields: fieldSet(
    'DisplayName Title GivenName MiddleName FamilyName Suffix CompanyName FullyQualifiedName PrintOnCheckName Active PrimaryEmailAddr PrimaryPhone Mobile Fax AlternatePhone WebAddr OtherContactInfo BillAddr ShipAddr Notes Taxable Job ParentRef BillWithParent Level Balance BalanceWithJobs OpenBalanceDate CurrencyRef PreferredDeliveryMethod SalesTermRef PaymentMethodRef DefaultTaxCodeRef AcctNum ResaleNum TaxExemptionReasonId BusinessNumber GSTIN GSTRegistrationType IsProject ClientEntityId PrimaryTaxIdentifier SecondaryTaxIdentifier ARAccountRef CustomerTypeRef TaxRegimeRef Source V4IDPseudonym',
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    DisplayName: 'string',
    GivenName: 'string',
    FamilyName: 'string',
    CompanyName: 'string',
    FullyQualifiedName: 'string',
    PrimaryEmailAddr: 'email',
    Active: 'boolean',
    Balance: 'number',
  },
  prepare,
  view,
};
