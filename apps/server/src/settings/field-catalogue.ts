import type { MappableFieldType } from '@ledgersync/sync-engine';
import { hubspotAccessToken } from '../access/hubspot-access.ts';
import { quickbooksAccess } from '../access/quickbooks-access.ts';
import type { RouteContext } from '../deps.ts';

export interface CatalogueField {
  name: string;
  label: string;
  type: MappableFieldType | 'unsupported';
  readOnly: boolean;
}

// QBO invoice fields an admin may map (standard ones; custom fields come from Preferences).
const QUICKBOOKS_INVOICE_FIELDS: readonly { field: string; label: string; type: MappableFieldType }[] = [
  { field: 'DocNumber', label: 'Invoice no.', type: 'string' },
  { field: 'TxnDate', label: 'Invoice date', type: 'date' },
  { field: 'DueDate', label: 'Due date', type: 'date' },
  { field: 'ShipDate', label: 'Ship date', type: 'date' },
  { field: 'TrackingNum', label: 'Tracking no.', type: 'string' },
  { field: 'ShipMethodRef', label: 'Ship via', type: 'string' },
  { field: 'CustomerMemo', label: 'Message on invoice', type: 'string' },
  { field: 'PrivateNote', label: 'Message on statement', type: 'string' },
  { field: 'BillEmail', label: 'Customer email', type: 'string' },
];

const HUBSPOT_TYPES: Record<string, MappableFieldType> = {
  string: 'string',
  phone_number: 'string',
  enumeration: 'enumeration',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  bool: 'boolean',
};

export async function hubspotInvoiceFields(ctx: RouteContext, portalId: string): Promise<CatalogueField[]> {
  const token = await hubspotAccessToken(ctx, portalId);
  const props = await ctx.hubspot.listInvoiceProperties(token);
  return props.map((p) => ({
    name: p.name,
    label: p.label,
    type: HUBSPOT_TYPES[p.type] ?? 'unsupported',
    readOnly: p.readOnly,
  }));
}

export async function quickbooksInvoiceFields(ctx: RouteContext, portalId: string) {
  const access = await quickbooksAccess(ctx, portalId);
  const company = await ctx.quickbooks.company(access.realmId, access.accessToken);
  return [
    ...QUICKBOOKS_INVOICE_FIELDS.map((f) => ({ ...f, custom: false })),
    // QBO custom fields on transactions are text (StringValue).
    ...company.invoiceCustomFields.map((c) => ({
      field: `CustomField:${c.definitionId}`,
      label: c.name,
      type: 'string' as MappableFieldType,
      custom: true,
    })),
  ];
}
