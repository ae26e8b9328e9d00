import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { refValue } from '../core/json.ts';
import type { EntityName } from '../store/realm.ts';
import type { OpContext } from './context.ts';

/**
 * Resolves a ReferenceType to the referenced record. A reference to a record that does not
 * exist gets 2500 (Invalid Reference Id); to an inactive one, 610 (Object Not Found), as QBO does.
 */
export function resolveRef(ctx: OpContext, entity: EntityName, ref: unknown, element: string): Json {
  const id = refValue(ref);
  if (id === undefined) throw faults.required(element);
  const rec = ctx.realm.get(entity, id, ctx.batchId);
  if (!rec) throw faults.invalidReference(entity, id);
  if (rec.data.Active === false) throw faults.objectNotFound();
  return rec.data;
}

export function nameOf(data: Json): string | undefined {
  for (const key of ['DisplayName', 'FullyQualifiedName', 'Name']) {
    const v = data[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

export function refTo(data: Json): Json {
  const name = nameOf(data);
  return name === undefined ? { value: data.Id } : { value: data.Id, name };
}
