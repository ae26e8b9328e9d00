import type { RecordOf } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';

/** Records a record points to (side-local ids): an invoice's customer and products, a payment's invoices. */
export function referencesOf(
  object: SyncObject,
  record: RecordOf<SyncObject>,
): { object: SyncObject; id: string }[] {
  const refs: { object: SyncObject; id: string }[] = [];
  if (object === 'invoice') {
    const inv = record as RecordOf<'invoice'>;
    if (inv.customerId !== null) refs.push({ object: 'customer', id: inv.customerId });
    for (const l of inv.lines) if (l.productId !== null) refs.push({ object: 'product', id: l.productId });
  } else if (object === 'payment') {
    const p = record as RecordOf<'payment'>;
    for (const a of p.appliedTo) refs.push({ object: 'invoice', id: a.invoiceId });
    if (p.customerId !== null) refs.push({ object: 'customer', id: p.customerId });
  }
  return refs;
}

/** Ids of create actions in this plan that the record must wait for. */
export function pendingDependencies(
  object: SyncObject,
  side: Side,
  record: RecordOf<SyncObject>,
  creating: ReadonlySet<string>,
): string[] {
  const deps = new Set<string>();
  for (const r of referencesOf(object, record)) {
    const id = `${r.object}:${side}:${r.id}`;
    if (creating.has(id)) deps.add(id);
  }
  return [...deps];
}
