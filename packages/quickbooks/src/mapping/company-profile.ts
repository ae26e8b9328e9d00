import type { CompanyProfile } from '@ledgersync/sync-engine';
import type { QboCompanyInfo, QboPreferences } from '../entities/company.ts';

export function companyProfileFromQbo(prefs: QboPreferences, info: QboCompanyInfo): CompanyProfile {
  const close = prefs.AccountingInfoPrefs?.BookCloseDate;
  return {
    country: info.Country ?? 'US',
    homeCurrency: prefs.CurrencyPrefs?.HomeCurrency?.value ?? 'USD',
    multiCurrencyEnabled: prefs.CurrencyPrefs?.MultiCurrencyEnabled ?? false,
    revenueRecognitionEnabled: prefs.ProductAndServicesPrefs?.RevenueRecognition ?? false,
    customTransactionNumbers: prefs.SalesFormsPrefs?.CustomTxnNumbers ?? false,
    bookCloseDate: close ? close.slice(0, 10) : null,
  };
}
