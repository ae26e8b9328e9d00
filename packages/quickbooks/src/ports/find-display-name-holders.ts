import type { SideRecord } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { customerFromQbo, nameHolderAsCustomer } from '../mapping/customer-mapping.ts';
import { envelope } from '../mapping/side-record-envelope.ts';
import { QboQuery } from '../query/query-builder.ts';

// QBO renames an inactivated customer, vendor or employee "<name> (deleted)" yet still refuses
// "<name>" to anyone else (Fault 6240), so a lookup by the plain name alone misses the holders
// that block it. Both forms are asked, and hits report the name they hold, without the suffix.
const DELETED = ' (deleted)';

function heldName(displayName: string | undefined): string | null {
  if (displayName === undefined) return null;
  return displayName.endsWith(DELETED) ? displayName.slice(0, -DELETED.length) : displayName;
}

/**
 * Every customer, vendor and employee (active or not) holding one of `names` (one chunk of IN
 * values). Customers come back as themselves; vendors and employees as inactive customers with
 * prefixed ids, so they can never collide with a customer id (R-ERR-2).
 */
export async function findDisplayNameHolders(
  qbo: QuickBooksClient,
  names: readonly string[],
): Promise<SideRecord<'customer'>[]> {
  if (names.length === 0) return [];
  const asked = [...new Set(names.flatMap((n) => [n, `${n}${DELETED}`]))];
  const out: SideRecord<'customer'>[] = [];
  const customers = QboQuery.select('Customer')
    .whereIn('DisplayName', asked)
    .whereIn('Active', [true, false]);
  for await (const c of qbo.queryAll(customers)) {
    const record = customerFromQbo(c);
    out.push(envelope('customer', c, { ...record, displayName: heldName(c.DisplayName) }));
  }
  for (const holder of ['Vendor', 'Employee'] as const) {
    const query = QboQuery.select(holder).whereIn('DisplayName', asked).whereIn('Active', [true, false]);
    for await (const n of qbo.queryAll(query)) {
      const record = { ...nameHolderAsCustomer(n), displayName: heldName(n.DisplayName) };
      out.push(envelope('customer', { ...n, Id: `${holder.toLowerCase()}:${n.Id}` }, record));
    }
  }
  return out;
}
