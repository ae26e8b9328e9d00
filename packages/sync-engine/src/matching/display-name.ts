import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import type { CanonicalCustomer } from '../records/canonical-customer.ts';

function personName(c: CanonicalCustomer): string | null {
  const name = [c.firstName, c.lastName]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join(' ');
  return name === '' ? null : name;
}

/** QBO's documented limit on DisplayName, shared by customers, vendors and employees. */
export const QBO_DISPLAY_NAME_MAX = 500;

/**
 * R-OBJ-2: a contact's QBO display name is its company's name (so the first contact of a company
 * takes it), else the person's name, else the email. QBO forbids ':' in names.
 */
export function baseDisplayName(c: CanonicalCustomer): string {
  const company = c.companyName?.trim();
  const name = company && company !== '' ? company : (personName(c) ?? c.email?.trim() ?? 'Customer');
  // Never cut: a name QBO finds too long is refused by QBO with the field and its limit, which the
  // record's failure then shows, instead of a silently different name.
  return name.replaceAll(':', '-');
}

/**
 * Chooses a display name no other QBO customer, vendor or employee uses (R-ERR-2). By default a
 * taken name fails with `duplicate_display_name`, as the article describes; with the LedgerSync
 * option on, the person's name is added ("Acme (Ada Lovelace)"), then a counter.
 */
export function chooseDisplayName(
  customer: CanonicalCustomer,
  taken: ReadonlySet<string>,
  avoidDuplicates: boolean,
): { ok: true; displayName: string } | { ok: false; error: SyncError } {
  const lowered = new Set([...taken].map((n) => n.toLowerCase()));
  const isTaken = (n: string) => lowered.has(n.toLowerCase());
  const first = baseDisplayName(customer);
  if (first.length > QBO_DISPLAY_NAME_MAX) {
    return {
      ok: false,
      error: syncError(
        'invalid_field_value',
        `The QuickBooks display name would be ${first.length} characters (the contact's company or name); QuickBooks allows ${QBO_DISPLAY_NAME_MAX}. Shorten it in HubSpot.`,
        { field: 'DisplayName', length: String(first.length), max: String(QBO_DISPLAY_NAME_MAX) },
      ),
    };
  }
  if (!isTaken(first)) return { ok: true, displayName: first };
  if (!avoidDuplicates) {
    return {
      ok: false,
      error: syncError(
        'duplicate_display_name',
        `Another QuickBooks customer, vendor or employee is already named "${first}".`,
        { displayName: first },
      ),
    };
  }
  const who = personName(customer) ?? customer.email?.trim() ?? 'contact';
  const second = `${first} (${who})`.replaceAll(':', '-');
  if (!isTaken(second)) return { ok: true, displayName: second };
  for (let i = 2; ; i++) {
    const candidate = `${second} ${i}`;
    if (!isTaken(candidate)) return { ok: true, displayName: candidate };
  }
}
