import type { HistoricalInvoice } from '../ports/hubspot-gateway.ts';

// The columns QuickBooks Online's invoice import understands: one row per line, invoice fields
// repeated, so the file imports as it is.
const HEADER = [
  'InvoiceNo',
  'Customer',
  'CustomerEmail',
  'InvoiceDate',
  'DueDate',
  'Item(Product/Service)',
  'ItemDescription',
  'ItemQuantity',
  'ItemRate',
  'ItemAmount',
  'Currency',
];

function cell(value: string | null): string {
  const v = value ?? '';
  // Quote what needs it, and defuse spreadsheet formulas in text that came from users.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function invoicesToCsv(invoices: readonly HistoricalInvoice[]): string {
  const rows = [HEADER.join(',')];
  for (const inv of invoices) {
    for (const line of inv.lines) {
      rows.push(
        [
          inv.number ?? inv.id,
          inv.customerName ?? inv.customerEmail,
          inv.customerEmail,
          inv.invoiceDate,
          inv.dueDate,
          line.name,
          line.description,
          line.quantity,
          line.unitPrice,
          line.amount,
          inv.currency,
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
