import type { Prisma, SyncActivity } from '../generated/prisma/client.ts';

/** One activity entry with the amount of its record (a payment's amount, for the invoice's card). */
export type ActivityRow = SyncActivity & { amount: Prisma.Decimal | null; currency: string | null };

interface WithActivity {
  amount: Prisma.Decimal | null;
  currency: string | null;
  activities: SyncActivity[];
}

/** Newest first: rows ordered on their own, for the invoice and for each of its payments. */
export const ACTIVITY_ORDER = [
  { occurredAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.SyncActivityOrderByWithRelationInput[];

/**
 * A record's activity and its payments', newest first, at most `limit` (R-VIS-6): an invoice's
 * history includes the payments applied to it.
 */
export function mergeActivity(
  record: { activities: SyncActivity[] },
  payments: readonly WithActivity[],
  limit: number,
): ActivityRow[] {
  const rows: ActivityRow[] = [
    ...record.activities.map((a) => ({ ...a, amount: null, currency: null })),
    ...payments.flatMap((p) => p.activities.map((a) => ({ ...a, amount: p.amount, currency: p.currency }))),
  ];
  rows.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || Number(b.id - a.id));
  return rows.slice(0, limit);
}
