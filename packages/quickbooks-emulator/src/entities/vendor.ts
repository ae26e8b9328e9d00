import type { Json } from '../core/json.ts';
import { homeCurrency, type OpContext } from './context.ts';
import { preparePersonName } from './display-name.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { NAME_BASE_FIELDS } from './name-rules.ts';

function masked(id: string): string {
  return id.length <= 4 ? id : `${'X'.repeat(id.length - 4)}${id.slice(-4)}`;
}

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  const { display, stored, active } = preparePersonName(ctx, 'Vendor', body, existing);
  const kept = existing?.TaxIdentifier;
  // Writing back what a read returned (the masked id) must not overwrite the real one.
  const taxId =
    typeof kept === 'string' && body.TaxIdentifier === masked(kept) ? { TaxIdentifier: kept } : {};
  return {
    Vendor1099: false,
    CurrencyRef: homeCurrency(ctx),
    ...body,
    ...taxId,
    // Bills are not emulated, so nothing is ever owed to a vendor.
    Balance: 0,
    DisplayName: stored,
    PrintOnCheckName: typeof body.PrintOnCheckName === 'string' ? body.PrintOnCheckName : display,
    Active: active,
  };
}

/** QBO never gives a tax id back in full: all but the last four characters read as X. */
function view(_ctx: OpContext, data: Json): Json {
  return typeof data.TaxIdentifier === 'string'
    ? { ...data, TaxIdentifier: masked(data.TaxIdentifier) }
    : data;
}

export const vendorDef: EntityDef = {
  name: 'Vendor',
  nameList: true,
  creatable: true,
  updatable: true,
  deletable: false,
  voidable: false,
  transaction: false,
  keepsVersionWhenUnchanged: true,
  knownFields: fieldSet(
    `${NAME_BASE_FIELDS} ContactName AltContactName Notes BillAddr ShipAddr OtherAddr TaxCountry TaxIdentifier TaxIdEffectiveDate BusinessNumber ParentRef VendorTypeRef TermRef PrefillAccountRef Balance BillRate OpenBalanceDate CreditLimit AcctNum Vendor1099 T4AEligible T5018Eligible CurrencyRef TDSEnabled TDSEntityTypeId TDSSectionTypeId TDSOverrideThreshold TaxReportingBasis APAccountRef VendorEx GSTIN GSTRegistrationType IsSubContractor SubcontractorType CISRate HasTPAR VendorPaymentBankDetail Source CostRate CompanyRegistrationNumber`,
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    DisplayName: 'string',
    GivenName: 'string',
    FamilyName: 'string',
    CompanyName: 'string',
    PrimaryEmailAddr: 'email',
    Active: 'boolean',
    Balance: 'number',
  },
  prepare,
  view,
};
