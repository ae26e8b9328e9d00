import { validationFault } from '../core/fault.ts';
import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import type { EntityName } from '../store/realm.ts';
import type { OpContext } from './context.ts';
import { applyActiveSuffix, assertMaxLength, assertUniqueName, isActive } from './name-rules.ts';

/** QBO keeps one display-name space for these three name lists (R-ERR-2). */
export const DISPLAY_NAME_HOLDERS: readonly EntityName[] = ['Customer', 'Vendor', 'Employee'];

const NAME_PARTS = ['Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix'] as const;
/** Intuit's documented maximum lengths of the name fields customers, vendors and employees share. */
const NAME_FIELD_MAX: Readonly<Record<string, number>> = {
  Title: 16,
  GivenName: 100,
  MiddleName: 100,
  FamilyName: 100,
  Suffix: 16,
  CompanyName: 100,
};
const TAKEN = 'Another customer, vendor or employee is already using this name. Please use a different name.';

export interface PersonName {
  /** The name as given, without the inactive suffix (what PrintOnCheckName defaults to). */
  display: string;
  /** The stored DisplayName: `display`, plus " (deleted)" while inactive. */
  stored: string;
  active: boolean;
}

function checkEmail(body: Json): void {
  const email = isObject(body.PrimaryEmailAddr) ? body.PrimaryEmailAddr.Address : undefined;
  if (typeof email === 'string' && email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw validationFault(
      '2210',
      'Email Address does not conform to the syntax rules of RFC 822',
      `Email Address does not conform to the syntax rules of RFC 822. Supplied value:${email}`,
      'PrimaryEmailAddr',
    );
  }
}

/**
 * The name rules customers, vendors and employees share: DisplayName defaults to the name parts
 * joined, one of them is required (6080), no colon, and it must be free across all three lists.
 */
export function preparePersonName(
  ctx: OpContext,
  entity: EntityName,
  body: Json,
  existing: Json | undefined,
): PersonName {
  for (const [field, max] of Object.entries(NAME_FIELD_MAX)) assertMaxLength(body[field], max, field);
  const parts = NAME_PARTS.map((k) => body[k]).filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  let display =
    typeof body.DisplayName === 'string' && body.DisplayName.trim() !== '' ? body.DisplayName : undefined;
  if (display === undefined && parts.length === 0) throw faults.noName();
  display ??= parts.join(' ');
  assertMaxLength(display, 500, 'DisplayName');
  if (display.includes(':')) throw faults.business('The name cannot contain a colon (:).');
  const active = isActive(body, existing);
  const self = { entity, id: existing?.Id as string | undefined };
  assertUniqueName(ctx, DISPLAY_NAME_HOLDERS, 'DisplayName', display, self, TAKEN);
  checkEmail(body);
  // A sparse update resends the stored (suffixed) name; the unsuffixed one is the real name.
  const plain = applyActiveSuffix(display, true);
  return { display: plain, stored: applyActiveSuffix(display, active), active };
}
