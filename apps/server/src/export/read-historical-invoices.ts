import {
  batchReadObjects,
  type HubSpotClient,
  type HubSpotObject,
  readAssociations,
  searchAll,
} from '@ledgersync/hubspot';
import type { HistoricalInvoice } from '../ports/hubspot-gateway.ts';

const INVOICE_PROPS = [
  'hs_number',
  'hs_invoice_date',
  'hs_due_date',
  'hs_currency',
  'hs_invoice_status',
  'hs_comments',
];

/** HubSpot dates come as ISO strings or epoch milliseconds; the CSV wants YYYY-MM-DD. */
function day(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

const prop = (o: HubSpotObject | undefined, name: string) => o?.properties[name] ?? null;

/** R-FLT-4: finalized invoices created before `before`, with their lines and billing contact. */
export async function readHistoricalInvoices(
  client: HubSpotClient,
  before: Date,
): Promise<HistoricalInvoice[]> {
  const invoices = await searchAll(
    client,
    'invoices',
    [
      { propertyName: 'hs_createdate', operator: 'LT', value: String(before.getTime()) },
      { propertyName: 'hs_invoice_status', operator: 'NEQ', value: 'draft' },
    ],
    [...INVOICE_PROPS, 'hs_createdate'],
  );
  if (invoices.length === 0) return [];
  const ids = invoices.map((i) => i.id);
  const [lineIds, contactIds] = await Promise.all([
    readAssociations(client, 'invoices', 'line_items', ids),
    readAssociations(client, 'invoices', 'contacts', ids),
  ]);
  const [lines, contacts] = await Promise.all([
    batchReadObjects(client, 'line_items', [...lineIds.values()].flat(), [
      'name',
      'description',
      'quantity',
      'price',
      'amount',
      'hs_product_id',
    ]),
    batchReadObjects(client, 'contacts', [...contactIds.values()].flat(), [
      'email',
      'firstname',
      'lastname',
      'company',
    ]),
  ]);
  const lineById = new Map(lines.found.map((l) => [l.id, l]));
  const contactById = new Map(contacts.found.map((c) => [c.id, c]));
  return invoices.map((inv) => {
    const contact = contactById.get(contactIds.get(inv.id)?.[0] ?? '');
    const name = [prop(contact, 'firstname'), prop(contact, 'lastname')].filter(Boolean).join(' ');
    return {
      id: inv.id,
      number: prop(inv, 'hs_number'),
      invoiceDate: day(prop(inv, 'hs_invoice_date')) ?? day(prop(inv, 'hs_createdate')) ?? '',
      dueDate: day(prop(inv, 'hs_due_date')),
      currency: prop(inv, 'hs_currency') ?? '',
      customerName: prop(contact, 'company') || name || null,
      customerEmail: prop(contact, 'email'),
      memo: prop(inv, 'hs_comments'),
      lines: (lineIds.get(inv.id) ?? []).flatMap((id) => {
        const l = lineById.get(id);
        if (!l) return [];
        return [
          {
            productId: prop(l, 'hs_product_id'),
            name: prop(l, 'name') ?? '',
            description: prop(l, 'description'),
            quantity: prop(l, 'quantity') ?? '1',
            unitPrice: prop(l, 'price') ?? '0',
            amount: prop(l, 'amount') ?? '0',
          },
        ];
      }),
    };
  });
}
