/** A finalized HubSpot invoice as the historical export needs it (R-FLT-4). */
export interface HistoricalInvoice {
  id: string;
  number: string | null;
  /** YYYY-MM-DD */
  invoiceDate: string;
  dueDate: string | null;
  currency: string;
  customerName: string | null;
  customerEmail: string | null;
  /** The invoice's comments (`hs_comments`). */
  memo: string | null;
  lines: {
    /** The HubSpot product the line was made from; null for a custom line. */
    productId: string | null;
    name: string;
    description: string | null;
    quantity: string;
    unitPrice: string;
    amount: string;
  }[];
}

/**
 * The columns of QuickBooks Online's invoice import (Sales › Import invoices), which it maps by
 * name: one row per line, the invoice's own fields repeated on each of its lines.
 */
const COLUMNS = [
  'InvoiceNo',
  'Customer',
  'InvoiceDate',
  'DueDate',
  'Memo',
  'Item(Product/Service)',
  'ItemDescription',
  'ItemQuantity',
  'ItemRate',
  'ItemAmount',
  'Currency',
] as const;

// What the sync names a line without a product (R-OBJ-1): the import books it the same way.
const CUSTOM_LINE_ITEM = 'Custom Line Item';

/**
 * RFC 4180 quoting. Text that came from users and starts like a formula (= + - @, tab, CR) is
 * prefixed with an apostrophe so a spreadsheet shows it instead of running it; a number such as
 * `-5.00` is left as it is.
 */
function cell(value: string | null): string {
  const v = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * R-FLT-4: historical HubSpot invoices as a CSV that QBO's invoice import reads as it is. Amounts
 * stay the exact decimal strings HubSpot holds; a customer without a name is named by email.
 */
export function historicalInvoicesCsv(invoices: readonly HistoricalInvoice[]): string {
  const rows = invoices.flatMap((inv) =>
    inv.lines.map((line) => [
      inv.number ?? inv.id,
      inv.customerName ?? inv.customerEmail,
      inv.invoiceDate,
      inv.dueDate,
      inv.memo,
      line.productId === null ? CUSTOM_LINE_ITEM : line.name,
      // The line's text in QBO, as the sync writes it: its description, else its name.
      line.description ?? line.name,
      line.quantity,
      line.unitPrice,
      line.amount,
      inv.currency,
    ]),
  );
  return `${[[...COLUMNS], ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
