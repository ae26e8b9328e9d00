import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';

/**
 * R-OBJ-6: an invoice in a foreign currency goes to QBO only with multicurrency on and a
 * customer in that same currency. The message names both currencies and what to change.
 */
export function checkInvoiceCurrency(
  invoiceCurrency: string,
  customerCurrency: string | null,
  company: Pick<CompanyProfile, 'homeCurrency' | 'multiCurrencyEnabled'>,
): SyncError | null {
  if (invoiceCurrency !== company.homeCurrency && !company.multiCurrencyEnabled) {
    return syncError(
      'multicurrency_disabled',
      `The invoice is in ${invoiceCurrency} but the QuickBooks home currency is ${company.homeCurrency} and multicurrency is off. Turn on multicurrency in QuickBooks or invoice in ${company.homeCurrency}.`,
      { invoiceCurrency, homeCurrency: company.homeCurrency },
    );
  }
  const effective = customerCurrency ?? company.homeCurrency;
  if (effective !== invoiceCurrency) {
    return syncError(
      'customer_currency_mismatch',
      `The invoice is in ${invoiceCurrency} but its QuickBooks customer uses ${effective}. Invoice in ${effective} or use a customer set up in ${invoiceCurrency}.`,
      { invoiceCurrency, customerCurrency: effective },
    );
  }
  return null;
}
