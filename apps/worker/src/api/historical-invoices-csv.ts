import type { CanonicalInvoice, SideReader, SideRecord } from '@ledgersync/sync-engine';

/**
 * Columns of QuickBooks Online's invoice import (Sales › Import invoices): one row per line, the
 * invoice's own fields repeated on each of its lines.
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

/**
 * R-FLT-4: historical HubSpot invoices (finalized, HubSpot-sourced, created in [from, to]) as a CSV
 * that QBO's invoice import accepts. Amounts stay exact decimal strings; dates are YYYY-MM-DD.
 * Lines without a product are named "Custom Line Item", as the sync would (R-OBJ-1).
 */
export async function exportHistoricalInvoicesCsv(
  hubspot: SideReader,
  range: { from: Date; to: Date },
): Promise<{ ok: true; csv: string; invoices: number } | { ok: false; error: string }> {
  const invoices: SideRecord<'invoice'>[] = [];
  let pageToken: string | undefined;
  do {
    const page = await hubspot.readChangedSince('invoice', range.from.toISOString(), pageToken);
    if (!page.ok) return { ok: false, error: `${page.error.code}: ${page.error.message}` };
    for (const r of page.value.records) {
      const created = Date.parse(r.createdAt);
      const inv = r.record;
      if (created < range.from.getTime() || created > range.to.getTime()) continue;
      if (inv.source !== 'hubspot' || inv.status === 'draft' || r.deleted) continue;
      invoices.push(r);
    }
    pageToken = page.value.nextPageToken ?? undefined;
  } while (pageToken);

  const names = await lookupNames(
    hubspot,
    invoices.map((i) => i.record),
  );
  if (!names.ok) return names;
  const rows = invoices
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .flatMap(({ record: inv, id }) =>
      inv.lines.map((line) => [
        inv.number ?? id,
        inv.customerId === null ? '' : (names.customers.get(inv.customerId) ?? ''),
        inv.issueDate,
        inv.dueDate ?? '',
        inv.comments ?? '',
        line.productId === null
          ? 'Custom Line Item'
          : (names.products.get(line.productId) ?? 'Custom Line Item'),
        line.description ?? '',
        line.quantity,
        line.unitPrice,
        line.amount,
        inv.currency,
      ]),
    );
  const csv = [COLUMNS as readonly string[], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n');
  return { ok: true, csv: `${csv}\r\n`, invoices: invoices.length };
}

async function lookupNames(hubspot: SideReader, invoices: readonly CanonicalInvoice[]) {
  const customerIds = [...new Set(invoices.flatMap((i) => (i.customerId === null ? [] : [i.customerId])))];
  const productIds = [
    ...new Set(invoices.flatMap((i) => i.lines.flatMap((l) => (l.productId ? [l.productId] : [])))),
  ];
  const customers = new Map<string, string>();
  const products = new Map<string, string>();
  if (customerIds.length > 0) {
    const read = await hubspot.readByIds('customer', customerIds);
    if (!read.ok) return { ok: false as const, error: `${read.error.code}: ${read.error.message}` };
    for (const c of read.value.records) {
      const r = c.record;
      const person = [r.firstName, r.lastName].filter(Boolean).join(' ');
      customers.set(c.id, r.displayName ?? (person || r.companyName || r.email || c.id));
    }
  }
  if (productIds.length > 0) {
    const read = await hubspot.readByIds('product', productIds);
    if (!read.ok) return { ok: false as const, error: `${read.error.code}: ${read.error.message}` };
    for (const p of read.value.records) products.set(p.id, p.record.name);
  }
  return { ok: true as const, customers, products };
}

/** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
