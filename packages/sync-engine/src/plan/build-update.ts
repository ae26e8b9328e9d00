import type { FieldSpec } from '../mapping/field-projection.ts';
import type { FieldWrite } from '../merge/merge-fields.ts';
import type { RecordOf } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import { invoiceTotal } from '../rules/line-amounts.ts';

/** Applies field writes to the target's current record: the sparse changes and the whole result. */
export function buildUpdate(
  object: SyncObject,
  side: Side,
  current: RecordOf<SyncObject>,
  writes: readonly FieldWrite[],
  specs: readonly FieldSpec[],
): { record: RecordOf<SyncObject>; changes: Record<string, unknown> } {
  let record = current;
  for (const w of writes) {
    const spec = specs.find((s) => s.key === w.field);
    // Fields outside the mapping table (the invoice status, R-OBJ-5) are plain canonical fields.
    record = spec
      ? spec.assign(side, record, w.value)
      : ({ ...(record as object), [w.field]: w.value } as RecordOf<SyncObject>);
  }
  if (object === 'invoice' && writes.some((w) => w.field === 'lines')) {
    const inv = record as RecordOf<'invoice'>;
    record = { ...inv, total: invoiceTotal(inv.lines, inv.currency) };
  }
  const changes: Record<string, unknown> = {};
  const rec = record as unknown as Record<string, unknown>;
  for (const w of writes) {
    const key = w.field.startsWith('custom:') ? 'customFields' : w.field;
    changes[key] = rec[key];
  }
  return { record, changes };
}
