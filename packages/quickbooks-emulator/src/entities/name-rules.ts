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

/** A record that is being written: excluded from its own uniqueness check. */
export interface SelfRef {
  entity: EntityName;
  id: string | undefined;
}

/**
 * Throws 6240 when any record of the `holders` entities (active or not) already has `name` in
 * `field`. Several holders share one name space (customers, vendors and employees do).
 */
export function assertUniqueName(
  ctx: OpContext,
  holders: readonly EntityName[],
  field: string,
  name: string,
  self: SelfRef,
  detail: string,
): void {
  const wanted = baseName(name);
  for (const entity of holders) {
    for (const rec of ctx.realm.list(entity)) {
      if (entity === self.entity && rec.data.Id === self.id) continue;
      const other = rec.data[field];
      if (typeof other === 'string' && baseName(other) === wanted) throw faults.duplicateName(detail);
    }
  }
}

export function assertMaxLength(value: unknown, max: number, element: string): void {
  if (typeof value === 'string' && value.length > max) throw faults.stringLength(max, value.length, element);
}

export function isActive(body: Json, existing: Json | undefined): boolean {
  if (typeof body.Active === 'boolean') return body.Active;
  return existing?.Active !== false;
}

/** Fields every person-like name list accepts (NameBase in the XSD). */
export const NAME_BASE_FIELDS =
  'Organization Title GivenName MiddleName FamilyName Suffix FullyQualifiedName CompanyName DisplayName PrintOnCheckName UserId Active V4IDPseudonym PrimaryPhone AlternatePhone Mobile Fax PrimaryEmailAddr WebAddr OtherContactInfo DefaultTaxCodeRef';
