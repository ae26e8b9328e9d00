import type { Json } from '../core/json.ts';
import { refValue } from '../core/json.ts';
import { dec, money, sum } from '../core/money.ts';
import type { OpContext } from './context.ts';
import { customerCurrency } from './currency-rules.ts';
import { preparePersonName } from './display-name.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  const { display, stored, active } = preparePersonName(ctx, 'Customer', body, existing);
  return {
    Taxable: true,
    Job: false,
    BillWithParent: false,
    PreferredDeliveryMethod: 'Print',
    ...body,
    CurrencyRef: customerCurrency(ctx, body, existing),
    FullyQualifiedName: stored,
    DisplayName: stored,
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
