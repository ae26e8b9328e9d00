import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import type { CanonicalInvoice } from '../records/canonical-invoice.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';
import { checkInvoiceCurrency } from './check-invoice-currency.ts';
import { checkQuickBooksPrecision } from './check-quickbooks-precision.ts';
import { checkInvoiceAmounts } from './line-amounts.ts';

/**
 * Checks an invoice about to be written into QBO, so a known refusal becomes a clear failure
 * instead of a write: amounts to the cent (R-OBJ-3), currency and its decimals (R-OBJ-6), closed period
 * (R-ERR-6), revenue recognition service dates (R-ERR-3).
 */
export function checkOutboundInvoice(
  invoice: CanonicalInvoice,
  customerCurrency: string | null,
  company: CompanyProfile | null,
): SyncError | null {
  const amounts = checkInvoiceAmounts(invoice);
  if (!amounts.ok) return syncError('amount_mismatch', amounts.message);
  const precision = checkQuickBooksPrecision(invoice);
  if (precision) return precision;
  if (company === null) return null;
  const currency = checkInvoiceCurrency(invoice.currency, customerCurrency, company);
  if (currency) return currency;
  if (company.bookCloseDate !== null && invoice.issueDate <= company.bookCloseDate) {
    return syncError(
      'closed_period',
      `The invoice date ${invoice.issueDate} is in a closed period (books closed up to ${company.bookCloseDate}).`,
      { issueDate: invoice.issueDate, bookCloseDate: company.bookCloseDate },
    );
  }
  if (company.revenueRecognitionEnabled && invoice.lines.some((l) => l.serviceDate === null)) {
    return syncError(
      'service_date_required',
      'Enter a service date for every line: revenue recognition is on.',
    );
  }
  return null;
}
