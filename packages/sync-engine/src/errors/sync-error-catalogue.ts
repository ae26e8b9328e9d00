import type { ErrorCategory, SyncError, SyncErrorCode } from './sync-error-code.ts';

export interface SyncErrorInfo {
  readonly category: ErrorCategory;
  readonly title: string;
  /** What happened, in plain words, for a HubSpot admin or a bookkeeper. */
  readonly explanation: string;
  /** What to do about it. */
  readonly fix: string;
  /** True when LedgerSync tries again by itself without anyone changing anything. */
  readonly retriesAutomatically: boolean;
  /** The requirement the code answers, for traceability. */
  readonly requirement: string;
}

// Wording is ours, except the titles of R-ERR-1 to R-ERR-4: those are HubSpot's own, word for word
// (R-VIS-4), so that an admin who searches HubSpot's help with one finds the article.
export const SYNC_ERROR_CATALOGUE: Readonly<Record<SyncErrorCode, SyncErrorInfo>> = {
  invoice_customer_missing: {
    category: 'data',
    title:
      'An invoice must be associated with a customer. Make sure the associated customer exists in both HubSpot and QuickBooks Online to sync this invoice',
    explanation:
      'An invoice needs a customer on both sides. The billing contact of this invoice has no QuickBooks customer with the same email address.',
    fix: 'Put the contact that was synced from QuickBooks on the invoice, or sync this contact to QuickBooks first.',
    retriesAutomatically: false,
    requirement: 'R-ERR-1',
  },
  duplicate_display_name: {
    category: 'data',
    title: 'Duplicate display name',
    explanation:
      'QuickBooks requires every customer, vendor and employee to have a different display name, and another one already uses this name (often the first contact of the same company).',
    fix: 'In QuickBooks, rename the customer, vendor or employee that already uses this display name, or change the name or company of this contact in HubSpot so that it differs; then use Resync.',
    retriesAutomatically: false,
    requirement: 'R-ERR-2',
  },
  service_date_required: {
    category: 'configuration',
    title: 'Business validation error: Enter a service date for the revenue recognition line item',
    explanation:
      'Revenue recognition is on in QuickBooks, so every invoice line needs a service date. HubSpot invoice lines have none.',
    fix: 'Turn off revenue recognition in QuickBooks and report revenue recognition separately.',
    retriesAutomatically: false,
    requirement: 'R-ERR-3',
  },
  hubspot_native_edited_in_quickbooks: {
    category: 'data',
    title:
      'Line item or invoice amount changes in HubSpot-native invoices cannot be made by external apps. Please make the necessary changes directly in HubSpot',
    explanation:
      'This invoice was created in HubSpot, so its lines, amounts, taxes, comments and payments can only be changed in HubSpot. Someone changed them in QuickBooks (the details say what); those changes are not copied back.',
    fix: 'Undo the change in QuickBooks (record a deleted payment again) or make it in HubSpot instead. The invoice syncs again once either is done.',
    retriesAutomatically: false,
    requirement: 'R-ERR-4, R-EDT-1',
  },
  tax_required_non_us: {
    category: 'configuration',
    title: 'Tax needed for a non-US QuickBooks company',
    explanation:
      'HubSpot invoices carry no tax, and QuickBooks companies outside the US usually require tax on every invoice, so invoices cannot be sent to QuickBooks as they are.',
    fix: 'Choose a QuickBooks tax code in the invoice sync tax mapping, or sync invoices from QuickBooks to HubSpot only.',
    retriesAutomatically: false,
    requirement: 'R-ERR-5',
  },
  closed_period: {
    category: 'data',
    title: 'Accounting period is closed',
    explanation: 'QuickBooks refuses changes dated in a closed, locked accounting period.',
    fix: 'Change the invoice date to an open period, or have your accountant reopen the period.',
    retriesAutomatically: false,
    requirement: 'R-ERR-6',
  },
  authorization_expired: {
    category: 'connection',
    title: 'Connection expired',
    explanation: 'The authorization to reach the other app expired. Changes are kept and will sync later.',
    fix: 'Nothing if it clears on its own; otherwise reconnect QuickBooks Online from the LedgerSync settings.',
    retriesAutomatically: true,
    requirement: 'R-ERR-7',
  },
  authorization_revoked: {
    category: 'connection',
    title: 'Connection revoked',
    explanation:
      'The other app no longer accepts LedgerSync (the connection was revoked). Sync is paused; no change is lost.',
    fix: 'Reconnect QuickBooks Online (or reinstall the HubSpot app) from the LedgerSync settings.',
    retriesAutomatically: false,
    requirement: 'R-ERR-7',
  },
  rate_limited: {
    category: 'transient',
    title: 'Too many requests',
    explanation: 'The other app asked LedgerSync to slow down. The change waits and is retried.',
    fix: 'Nothing to do.',
    retriesAutomatically: true,
    requirement: 'R-ERR-7',
  },
  remote_unavailable: {
    category: 'transient',
    title: 'Other app unavailable',
    explanation: 'HubSpot or QuickBooks did not answer. The change waits and is retried.',
    fix: 'Nothing to do.',
    retriesAutomatically: true,
    requirement: 'R-ERR-7',
  },
  company_subscription_inactive: {
    category: 'connection',
    title: 'QuickBooks subscription inactive',
    explanation: 'QuickBooks refuses changes because the company subscription is not active.',
    fix: 'Renew the QuickBooks Online subscription; sync resumes afterwards.',
    retriesAutomatically: true,
    requirement: 'R-ERR-7',
  },
  multicurrency_disabled: {
    category: 'configuration',
    title: 'Multicurrency is off in QuickBooks',
    explanation:
      "This invoice is not in the QuickBooks company's home currency, and multicurrency is off in QuickBooks.",
    fix: 'Turn on multicurrency in QuickBooks, or invoice in the home currency.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-6',
  },
  customer_currency_mismatch: {
    category: 'data',
    title: "Currency differs from the customer's",
    explanation: 'A QuickBooks customer has one currency, and this invoice is in another.',
    fix: "Invoice in the customer's currency, or use a QuickBooks customer set up in the invoice's currency.",
    retriesAutomatically: false,
    requirement: 'R-OBJ-6',
  },
  currency_precision_unsupported: {
    category: 'data',
    title: 'More decimals than QuickBooks keeps',
    explanation:
      'QuickBooks Online stores line amounts and totals with two decimals. This invoice is in a currency with three (such as KWD or BHD) and has amounts that use the third, so QuickBooks would round them and the two sides would no longer agree.',
    fix: 'Use prices and quantities whose line amounts end in 0 in the third decimal, or invoice this customer from QuickBooks.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-6',
  },
  tier_required: {
    category: 'configuration',
    title: 'Paid plan needed',
    explanation: 'Custom field mappings are available on the Starter, Professional and Enterprise plans.',
    fix: 'Upgrade the plan to add custom mappings.',
    retriesAutomatically: false,
    requirement: 'R-MAP-4',
  },
  mapping_type_mismatch: {
    category: 'configuration',
    title: 'Field types do not fit',
    explanation:
      'The two fields of this mapping hold different kinds of values, so one cannot be copied into the other.',
    fix: 'Pick two fields of compatible types.',
    retriesAutomatically: false,
    requirement: 'R-MAP-5',
  },
  custom_line_item_account_missing: {
    category: 'configuration',
    title: 'Income account for Custom Line Item not chosen',
    explanation:
      'A line has no product matched in QuickBooks, so it goes to the "Custom Line Item" product, which needs an income account.',
    fix: 'Choose the income account in the invoice sync Configure step.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-1',
  },
  duplicate_item_name: {
    category: 'data',
    title: 'Duplicate product name',
    explanation:
      'QuickBooks requires every product and service to have a different name, and another QuickBooks item already uses the name of this HubSpot product (with a different SKU). Until it syncs, invoice lines with this product go to the "Custom Line Item".',
    fix: 'Give the HubSpot product the SKU of the existing QuickBooks item so they match, or rename one of them.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-1',
  },
  stale_version: {
    category: 'transient',
    title: 'Changed while syncing',
    explanation:
      'The record changed on the other side while LedgerSync was writing it. It is read again and retried.',
    fix: 'Nothing to do.',
    retriesAutomatically: true,
    requirement: 'R-EDT-3',
  },
  dependency_not_synced: {
    category: 'data',
    title: 'A related record is not synced',
    explanation:
      'This record refers to another one (a customer, product or invoice) that is not synced yet or failed to sync.',
    fix: 'Fix the related record first; this one follows by itself.',
    retriesAutomatically: true,
    requirement: 'R-CON-4',
  },
  payment_invoice_not_linked: {
    category: 'data',
    title: 'Payment for an invoice that is not synced',
    explanation: 'The payment is applied to an invoice that has no counterpart on the other side.',
    fix: 'Sync the invoice first (check its own status); the payment follows.',
    retriesAutomatically: true,
    requirement: 'R-OBJ-4',
  },
  amount_mismatch: {
    category: 'data',
    title: 'Amounts do not add up',
    explanation: 'The line amounts or the invoice total do not agree to the cent with quantities and prices.',
    fix: 'Check the quantities, prices and discounts of the invoice lines.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-3',
  },
  referenced_record_inactive: {
    category: 'data',
    title: 'Uses an inactive or deleted record',
    explanation:
      'The record refers to a customer, item or account that was made inactive or deleted in QuickBooks.',
    fix: 'Reactivate that record in QuickBooks, or change the reference.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-7',
  },
  duplicate_document_number: {
    category: 'data',
    title: 'Invoice number already used',
    explanation: 'QuickBooks already has an invoice with this number.',
    fix: 'Turn off custom transaction numbers in QuickBooks, or renumber one of the invoices.',
    retriesAutomatically: false,
    requirement: 'R-CON-6',
  },
  deposited_payment_locked: {
    category: 'data',
    title: 'Payment already deposited',
    explanation: 'QuickBooks does not allow changes to a payment that was deposited.',
    fix: 'Change the payment in QuickBooks after removing it from the deposit, or leave it as is.',
    retriesAutomatically: false,
    requirement: 'R-OBJ-4',
  },
  invalid_field_value: {
    category: 'data',
    title: 'Value refused',
    explanation: 'The other app refused a value (too long, wrong format or not allowed).',
    fix: 'Correct the field named in the message.',
    retriesAutomatically: false,
    requirement: 'R-VIS-4',
  },
  unexpected_remote_error: {
    category: 'transient',
    title: 'Unexpected error',
    explanation:
      'The other app answered with an error LedgerSync does not recognise. It is retried a few times.',
    fix: 'If it keeps failing, contact LedgerSync support with the activity shown here.',
    retriesAutomatically: true,
    requirement: 'R-ERR-7',
  },
};

export function describeSyncError(code: SyncErrorCode): SyncErrorInfo {
  return SYNC_ERROR_CATALOGUE[code];
}

/** Builds a failure value with the catalogue's retry default. */
export function syncError(
  code: SyncErrorCode,
  message: string,
  details?: Readonly<Record<string, string>>,
): SyncError {
  const base = { code, message, retryable: SYNC_ERROR_CATALOGUE[code].retriesAutomatically };
  return details ? { ...base, details } : base;
}
