import type { CanonicalInvoice } from '../records/canonical-invoice.ts';

/** Invoice fields that a void rewrites on its own: QBO zeroes every line amount, quantity and the total. */
export const AMOUNT_FIELDS_ZEROED_BY_VOID: readonly string[] = ['lines', 'total'];

/**
 * R-OBJ-5 / R-ERR-4: once either side of a pair is voided, its lines and amounts are no longer
 * compared. QBO reports a void as zeroed amounts; read as an edit, that would fail a HubSpot
 * invoice with R-ERR-4 (nobody touched its lines) or copy the zeros into HubSpot. A voided
 * invoice stays voided (see the status table), so nothing about its amounts is left to sync.
 */
export function amountsFrozenByVoid(hubspot: CanonicalInvoice, quickbooks: CanonicalInvoice): boolean {
  return hubspot.status === 'voided' || quickbooks.status === 'voided';
}
