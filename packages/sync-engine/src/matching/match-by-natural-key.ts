import type { SideRecord } from '../records/side-record.ts';

/** Emails match trimmed and case-insensitively (R-OBJ-2). */
export function normalizeEmail(email: string | null): string | null {
  if (email === null) return null;
  const e = email.trim().toLowerCase();
  return e === '' ? null : e;
}

export type MatchResult<T> =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly match: T }
  | { readonly kind: 'ambiguous'; readonly matches: readonly T[] };

function pick<T>(matches: T[]): MatchResult<T> {
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length === 1) return { kind: 'one', match: matches[0] as T };
  return { kind: 'ambiguous', matches };
}

/**
 * Contact ⇄ customer by email (R-OBJ-2). Candidates already linked elsewhere are not offered:
 * a record has at most one counterpart. Inactive QBO customers are not matched.
 */
export function matchCustomerByEmail(
  source: SideRecord<'customer'>,
  candidates: readonly SideRecord<'customer'>[],
  isLinked: (candidate: SideRecord<'customer'>) => boolean,
): MatchResult<SideRecord<'customer'>> {
  const email = normalizeEmail(source.record.email);
  if (email === null) return { kind: 'none' };
  return pick(
    candidates.filter(
      (c) =>
        c.side !== source.side &&
        !c.deleted &&
        c.record.active &&
        normalizeEmail(c.record.email) === email &&
        !isLinked(c),
    ),
  );
}

/** Product ⇄ item by SKU, exact (R-OBJ-1). */
export function matchProductBySku(
  source: SideRecord<'product'>,
  candidates: readonly SideRecord<'product'>[],
  isLinked: (candidate: SideRecord<'product'>) => boolean,
): MatchResult<SideRecord<'product'>> {
  const sku = source.record.sku;
  if (sku === null || sku === '') return { kind: 'none' };
  return pick(
    candidates.filter((c) => c.side !== source.side && !c.deleted && c.record.sku === sku && !isLinked(c)),
  );
}
