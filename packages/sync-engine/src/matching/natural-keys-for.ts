import type { NaturalKey } from '../ports/side-reader.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import { baseDisplayName, QBO_DISPLAY_NAME_MAX } from './display-name.ts';
import { normalizeEmail } from './match-by-natural-key.ts';

/**
 * The lookups the runner makes on the other side before planning: emails and SKUs to match
 * (R-OBJ-1, R-OBJ-2), the QBO display names a new customer would take (R-ERR-2), and for a new
 * QBO payment the HubSpot payments of the HubSpot-created invoices it pays (R-EDT-1; asked
 * through `hubspotCreatedInvoiceOf`, which gives such an invoice's HubSpot id). The runner passes
 * what it finds to `planSyncBatch` as `candidates`.
 */
export function naturalKeysFor(
  records: readonly AnySideRecord[],
  hubspotCreatedInvoiceOf: (quickbooksInvoiceId: string) => string | null = () => null,
): NaturalKey[] {
  const keys = new Map<string, NaturalKey>();
  const add = (k: NaturalKey) => keys.set(`${k.object}|${k.field}|${k.value}`, k);
  for (const r of records) {
    if (r.object === 'customer') {
      const email = normalizeEmail(r.record.email);
      if (email !== null) add({ object: 'customer', field: 'email', value: email });
      if (r.side === 'hubspot') {
        const name = baseDisplayName(r.record);
        // A name QBO cannot hold fails on its own (chooseDisplayName); asking for it would only
        // make one over-long query that fails the lookup, and so the batch, for everyone.
        if (name.length <= QBO_DISPLAY_NAME_MAX)
          add({ object: 'customer', field: 'displayName', value: name });
      }
    } else if (r.object === 'product' && r.record.sku) {
      add({ object: 'product', field: 'sku', value: r.record.sku });
    } else if (r.object === 'payment' && r.side === 'quickbooks') {
      for (const a of r.record.appliedTo) {
        const invoice = hubspotCreatedInvoiceOf(a.invoiceId);
        if (invoice !== null) add({ object: 'payment', field: 'invoice', value: invoice });
      }
    }
  }
  return [...keys.values()];
}
