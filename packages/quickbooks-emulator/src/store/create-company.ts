import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import { qboDate, qboDateTime } from '../core/qbo-time.ts';
import { DEFAULT_PAYMENT_METHODS } from '../entities/payment-method.ts';
import { countryProfile, isUs } from './country.ts';
import { type EntityName, Realm } from './realm.ts';

export interface NewCompanyInput {
  realmId: string;
  companyName?: string | undefined;
  country: string;
  preferences?: Json | undefined;
  now: Date;
}

// A new QBO company's chart of accounts: the income, receivable, deposit and bank accounts an
// invoice-and-payment flow needs.
const ACCOUNTS: Array<[string, string, string, string]> = [
  ['Services', 'Income', 'ServiceFeeIncome', 'Revenue'],
  ['Sales of Product Income', 'Income', 'SalesOfProductIncome', 'Revenue'],
  ['Accounts Receivable (A/R)', 'Accounts Receivable', 'AccountsReceivable', 'Asset'],
  ['Undeposited Funds', 'Other Current Asset', 'UndepositedFunds', 'Asset'],
  ['Checking', 'Bank', 'Checking', 'Asset'],
  ['Inventory Asset', 'Other Current Asset', 'Inventory', 'Asset'],
  ['Cost of Goods Sold', 'Cost of Goods Sold', 'SuppliesMaterialsCogs', 'Expense'],
  ['Discounts given', 'Income', 'DiscountsRefundsGiven', 'Revenue'],
];

export function deepMerge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    out[k] = isObject(cur) && isObject(v) ? deepMerge(cur, v) : v;
  }
  return out;
}

export function createCompany(input: NewCompanyInput): Realm {
  const realm = new Realm(input.realmId, input.country);
  const profile = countryProfile(input.country);
  const meta = { CreateTime: qboDateTime(input.now), LastUpdatedTime: qboDateTime(input.now) };
  const put = (entity: EntityName, data: Json, id?: string) => {
    const Id = id ?? realm.nextId(entity);
    realm.table(entity).set(Id, {
      data: { ...data, domain: 'QBO', sparse: false, Id, SyncToken: '0', MetaData: { ...meta } },
    });
  };
  for (const [Name, AccountType, AccountSubType, Classification] of ACCOUNTS) {
    put('Account', {
      Name,
      SubAccount: false,
      FullyQualifiedName: Name,
      Active: true,
      Classification,
      AccountType,
      AccountSubType,
      CurrentBalance: 0,
      CurrentBalanceWithSubAccounts: 0,
      CurrencyRef: { ...profile.currency },
    });
  }
  for (const [Name, Type] of [
    ['Services', 'Service'],
    ['Hours', 'Service'],
  ] as const) {
    put('Item', {
      Name,
      Active: true,
      FullyQualifiedName: Name,
      Taxable: false,
      UnitPrice: 0,
      Type,
      IncomeAccountRef: { value: '1', name: 'Services' },
      PurchaseCost: 0,
      TrackQtyOnHand: false,
    });
  }
  for (const [Name, Type] of DEFAULT_PAYMENT_METHODS) put('PaymentMethod', { Name, Active: true, Type });
  for (const code of profile.taxCodes) {
    put(
      'TaxCode',
      {
        Name: code.name,
        Description: code.name,
        Active: true,
        Hidden: false,
        Taxable: code.ratePercent > 0 || code.id === 'TAX',
        TaxGroup: false,
        SalesTaxRateList: isUs(input.country)
          ? { TaxRateDetail: [] }
          : {
              TaxRateDetail: [
                {
                  TaxRateRef: { value: code.id, name: code.name },
                  TaxTypeApplicable: 'TaxOnAmount',
                  TaxOrder: 0,
                },
              ],
            },
      },
      code.id,
    );
  }
  put('Preferences', deepMerge(defaultPreferences(input.country), input.preferences ?? {}), '1');
  const name = input.companyName ?? 'Sandbox Company';
  put(
    'CompanyInfo',
    {
      CompanyName: name,
      LegalName: name,
      CompanyAddr: {
        Id: '1',
        Line1: '123 Sierra Way',
        City: 'San Pablo',
        Country: input.country,
        PostalCode: '87999',
      },
      CustomerCommunicationAddr: { Id: '1', Line1: '123 Sierra Way', City: 'San Pablo', PostalCode: '87999' },
      LegalAddr: { Id: '1', Line1: '123 Sierra Way', City: 'San Pablo', PostalCode: '87999' },
      PrimaryPhone: {},
      CompanyStartDate: qboDate(input.now),
      FiscalYearStartMonth: 'January',
      Country: input.country,
      Email: { Address: 'noreply@quickbooks.com' },
      WebAddr: {},
      SupportedLanguages: 'en',
      NameValue: [],
    },
    '1',
  );
  return realm;
}

function defaultPreferences(country: string): Json {
  const profile = countryProfile(country);
  return {
    AccountingInfoPrefs: {
      TrackDepartments: false,
      DepartmentTerminology: 'Location',
      ClassTrackingPerTxn: false,
      ClassTrackingPerTxnLine: false,
      CustomerTerminology: 'Customers',
      FirstMonthOfFiscalYear: 'January',
      UseAccountNumbers: false,
    },
    ProductAndServicesPrefs: {
      ForSales: true,
      ForPurchase: true,
      QuantityWithPriceAndRate: true,
      QuantityOnHand: true,
      RevenueRecognition: false,
    },
    SalesFormsPrefs: {
      CustomField: [],
      AllowDeposit: false,
      AllowDiscount: true,
      AllowEstimates: true,
      AllowServiceDate: false,
      AllowShipping: false,
      CustomTxnNumbers: false,
      DefaultTerms: { value: '3' },
      ETransactionEnabledStatus: 'NotApplicable',
      IPNSupportEnabled: false,
      AutoApplyCredit: true,
      AutoApplyPayments: true,
      UsingProgressInvoicing: false,
    },
    VendorAndPurchasesPrefs: { TrackingByCustomer: false, BillableExpenseTracking: false },
    TaxPrefs: { UsingSalesTax: !isUs(country), PartnerTaxEnabled: false },
    CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: profile.currency.value } },
    ReportPrefs: { ReportBasis: 'Accrual', CalcAgingReportFromTxnDate: false },
  };
}
