/**
 * The scopes LedgerSync asks for at install, each with the reason (the README lists the same).
 * All are required: the sync cannot run with part of them.
 */
export const REQUIRED_SCOPES: Readonly<Record<string, string>> = {
  oauth: 'Required by HubSpot for every OAuth app.',
  'crm.objects.invoices.read': 'Read invoices to send them to QuickBooks.',
  'crm.objects.invoices.write': 'Create and update invoices that come from QuickBooks.',
  'crm.objects.line_items.read': 'Read the lines of each invoice.',
  'crm.objects.line_items.write': 'Write the lines of invoices that come from QuickBooks.',
  'crm.objects.products.read': 'Match invoice lines to QuickBooks items by SKU.',
  'crm.objects.products.write': 'Create products for QuickBooks items.',
  'crm.objects.contacts.read': 'Find the billing contact of an invoice and match customers by email.',
  'crm.objects.contacts.write': 'Create contacts for QuickBooks customers.',
  'crm.objects.companies.read': "Read a contact's company for the QuickBooks customer's company name.",
  'crm.objects.commercepayments.read': 'Read payments recorded in HubSpot to apply them in QuickBooks.',
  'crm.objects.commercepayments.write': 'Record QuickBooks payments against HubSpot invoices.',
  'crm.schemas.invoices.write': 'Create the LedgerSync properties (QuickBooks ID, sync status) on invoices.',
  'crm.schemas.contacts.write': 'Create the LedgerSync properties on contacts.',
  'crm.schemas.products.write': 'Create the LedgerSync properties on products.',
  'crm.schemas.line_items.write': 'Create the LedgerSync upsert key on line items.',
  'crm.schemas.commercepayments.write': 'Create the LedgerSync properties on payments.',
};

export const REQUIRED_SCOPE_LIST = Object.keys(REQUIRED_SCOPES);
