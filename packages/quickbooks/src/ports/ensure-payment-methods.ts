import type { WriteCommand } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import type { QboRef } from '../entities/common.ts';
import { qboPaymentMethodFor } from '../mapping/payment-mapping.ts';
import { QboQuery } from '../query/query-builder.ts';

/** The QBO methods a batch's payment writes name (creates' records, updates' changes). */
export function paymentMethodsNeeded(commands: readonly WriteCommand[]) {
  const out = new Map<string, { name: string; type: string }>();
  for (const c of commands) {
    if (c.object !== 'payment') continue;
    const method =
      c.kind === 'create'
        ? (c.record as { method?: string | null }).method
        : c.kind === 'update'
          ? (c.changes as { method?: string | null }).method
          : undefined;
    const wanted = qboPaymentMethodFor(method);
    if (wanted) out.set(wanted.name.toLowerCase(), wanted);
  }
  return [...out.values()];
}

/**
 * Finds the named payment methods in one query (inactive ones too: a name stays taken) and
 * creates the missing ones, so a batch of payments costs one call plus one per new method,
 * usually none. The requestid is derived from the name, so a retry finds the first create.
 */
export async function ensurePaymentMethods(
  qbo: QuickBooksClient,
  wanted: readonly { name: string; type: string }[],
): Promise<Map<string, QboRef>> {
  const found = new Map<string, QboRef>();
  if (wanted.length === 0) return found;
  const query = QboQuery.select('PaymentMethod')
    .whereIn(
      'Name',
      wanted.map((w) => w.name),
    )
    .whereIn('Active', [true, false]);
  for await (const m of qbo.queryAll(query)) found.set(m.Name.toLowerCase(), { value: m.Id, name: m.Name });
  for (const w of wanted) {
    if (found.has(w.name.toLowerCase())) continue;
    const created = await qbo.create(
      'PaymentMethod',
      { Name: w.name, Type: w.type },
      `ls-paymentmethod-${w.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    );
    found.set(w.name.toLowerCase(), { value: created.Id, name: created.Name });
  }
  return found;
}
