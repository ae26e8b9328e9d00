import { Dec } from '../money/money.ts';
import type { CanonicalInvoice } from '../records/canonical-invoice.ts';

/**
 * R-EDT-1: what of a HubSpot-created invoice only HubSpot may change. `lines`, `total` and
 * `comments` are compared with HubSpot's values; `taxes` and `payments` exist in QBO alone and
 * are compared with what QBO held at the last sync.
 */
export const HUBSPOT_OWNED_INVOICE_FIELDS = ['lines', 'total', 'comments'] as const;

export type QuickBooksEdit = (typeof HUBSPOT_OWNED_INVOICE_FIELDS)[number] | 'taxes' | 'payments';

const paid = (invoice: CanonicalInvoice) => new Dec(invoice.total).minus(invoice.balance);

/**
 * Changes made in QBO since the last sync to what HubSpot has no field for: a line's tax code, and
 * a payment deleted (or lowered) in QBO, seen as QBO holding less paid than it did and than
 * HubSpot does. A voided invoice is left out (voiding zeroes its amounts, R-OBJ-5).
 */
export function quickbooksOnlyEdits(
  quickbooks: CanonicalInvoice,
  quickbooksBase: CanonicalInvoice | null,
  hubspot: CanonicalInvoice,
): QuickBooksEdit[] {
  if (quickbooksBase === null || quickbooks.status === 'voided' || hubspot.status === 'voided') return [];
  const edits: QuickBooksEdit[] = [];
  const taxCodes = (i: CanonicalInvoice) => i.lines.map((l) => l.taxCodeId).join('|');
  if (taxCodes(quickbooks) !== taxCodes(quickbooksBase)) edits.push('taxes');
  if (paid(quickbooks).lessThan(paid(quickbooksBase)) && paid(quickbooks).lessThan(paid(hubspot))) {
    edits.push('payments');
  }
  return edits;
}

const IN_WORDS: Record<QuickBooksEdit, string> = {
  lines: 'line items',
  total: 'the amount',
  comments: 'comments',
  taxes: 'taxes',
  payments: 'payments (one was deleted or lowered)',
};

/** The failure's message, naming what was changed in QBO (R-ERR-4). */
export function describeQuickBooksEdits(edits: readonly QuickBooksEdit[]): string {
  const words = [...new Set(edits)].map((e) => IN_WORDS[e]);
  const list = words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `Changed in QuickBooks: ${list}. This invoice was created in HubSpot and is edited in HubSpot only, so the change was not copied back.`;
}
