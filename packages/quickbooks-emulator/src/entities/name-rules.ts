import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import type { EntityName } from '../store/realm.ts';
import type { OpContext } from './context.ts';

const DELETED = ' (deleted)';

// QBO renames an inactivated name-list record with a " (deleted)" suffix, yet still treats the
// original name as taken; comparisons therefore strip the suffix and ignore case.
export function baseName(name: string): string {
  const n = name.endsWith(DELETED) ? name.slice(0, -DELETED.length) : name;
  return n.trim().toLowerCase();
}

export function applyActiveSuffix(name: string, active: boolean): string {
  if (active) return name.endsWith(DELETED) ? name.slice(0, -DELETED.length) : name;
  return name.endsWith(DELETED) ? name : `${name}${DELETED}`;
}

export function assertUniqueName(
  ctx: OpContext,
  entity: EntityName,
  field: string,
  name: string,
  selfId: string | undefined,
  detail: string,
): void {
  const wanted = baseName(name);
  for (const rec of ctx.realm.list(entity)) {
    if (rec.data.Id === selfId) continue;
    const other = rec.data[field];
    if (typeof other === 'string' && baseName(other) === wanted) throw faults.duplicateName(detail);
  }
}

export function assertMaxLength(value: unknown, max: number, element: string): void {
  if (typeof value === 'string' && value.length > max) throw faults.stringLength(max, value.length, element);
}

export function isActive(body: Json, existing: Json | undefined): boolean {
  if (typeof body.Active === 'boolean') return body.Active;
  return existing?.Active !== false;
}
