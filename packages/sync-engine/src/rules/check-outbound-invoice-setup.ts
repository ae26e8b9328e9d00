import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';
import type { InvoiceSettings } from '../settings/portal-settings.ts';

export interface SetupCheck {
  /** Refusals: outbound invoice sync cannot be turned on. */
  readonly errors: readonly SyncError[];
  /** Recommendations the settings page shows (R-CON-6). */
  readonly warnings: readonly string[];
}

/**
 * Checked when outbound or two-way invoice sync is configured. A non-US company needs the tax
 * mapping (R-ERR-5); revenue recognition needs service dates HubSpot lines lack (R-ERR-3).
 */
export function checkOutboundInvoiceSetup(
  company: CompanyProfile,
  settings: Pick<InvoiceSettings, 'direction' | 'taxMapping' | 'customLineItemIncomeAccountId'>,
): SetupCheck {
  const errors: SyncError[] = [];
  const warnings: string[] = [];
  if (settings.direction === 'quickbooks_to_hubspot') return { errors, warnings };
  if (company.country !== 'US' && settings.taxMapping === null) {
    errors.push(
      syncError(
        'tax_required_non_us',
        `The QuickBooks company is in ${company.country}, where invoices usually need tax, and HubSpot invoices carry none. Choose a tax code in the tax mapping to sync invoices to QuickBooks.`,
      ),
    );
  }
  if (company.revenueRecognitionEnabled) {
    errors.push(
      syncError(
        'service_date_required',
        'Revenue recognition is on in QuickBooks; every line would need a service date.',
      ),
    );
  }
  if (settings.customLineItemIncomeAccountId === null) {
    errors.push(
      syncError(
        'custom_line_item_account_missing',
        'Choose the income account for the "Custom Line Item" product.',
      ),
    );
  }
  if (company.customTransactionNumbers) {
    warnings.push(
      'Custom transaction numbers are on in QuickBooks: invoice numbers may clash. Turn them off.',
    );
  }
  if (company.bookCloseDate === null) {
    warnings.push('Closed accounting periods are not locked in QuickBooks. Set a closing date.');
  }
  if (company.revenueRecognitionEnabled) {
    warnings.push(
      'Revenue recognition is on in QuickBooks. Turn it off and report revenue recognition separately.',
    );
  }
  return { errors, warnings };
}
