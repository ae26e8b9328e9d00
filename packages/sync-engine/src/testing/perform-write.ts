import type { WriteCommand, WriteResult } from '../ports/side-writer.ts';
import type { AnySideRecord, RecordOf } from '../records/side-record.ts';
import type { Side } from '../records/sync-object.ts';
import { T1 } from './factories.ts';

/**
 * What an in-memory app does with one write command: exactly what it says, with the version
 * bumped. `newId` names a created record. Shared by the test doubles that hold records in a map.
 */
export function performWrite(
  records: Map<string, AnySideRecord>,
  side: Side,
  c: WriteCommand,
  newId: () => string,
): WriteResult {
  const key = c.idempotencyKey;
  const put = (r: AnySideRecord) => records.set(`${r.object}|${r.side}|${r.id}`, r);
  if (c.kind === 'create') {
    const id = newId();
    put({
      side,
      object: c.object,
      id,
      version: '1',
      createdAt: T1,
      updatedAt: T1,
      record: c.record,
    } as AnySideRecord);
    return { ok: true, idempotencyKey: key, id, version: '1', record: c.record };
  }
  const current = records.get(`${c.object}|${side}|${c.id}`);
  if (!current) throw new Error(`write to missing ${c.object} ${c.id}`);
  const record =
    c.kind === 'update'
      ? c.record
      : c.kind === 'void'
        ? { ...(current.record as object), status: 'voided' }
        : current.record;
  const version = String(Number(current.version) + 1);
  put({ ...current, record, version } as AnySideRecord);
  return { ok: true, idempotencyKey: key, id: c.id, version, record: record as RecordOf<typeof c.object> };
}
