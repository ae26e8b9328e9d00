import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import { type OpContext, record, touch } from './context.ts';

const TRANSACTIONS = ['Invoice', 'Payment'] as const;

/**
 * QBO merges two customers when one is renamed to the other's name (there is no API for it): the
 * merged-away customer is removed, its transactions move to the survivor, which keeps its own
 * values, and Intuit reports operation "Merge" under the survivor's id with the removed one as
 * `deletedId` (webhook and CDC).
 */
export function mergeCustomers(ctx: OpContext, fromId: string, intoId: string): Json {
  const from = ctx.realm.get('Customer', fromId);
  const into = ctx.realm.get('Customer', intoId);
  if (!from || !into || fromId === intoId) throw faults.objectNotFound();
  for (const entity of TRANSACTIONS) {
    for (const txn of ctx.realm.list(entity)) {
      const ref = txn.data.CustomerRef;
      if (!isObject(ref) || String(ref.value) !== fromId) continue;
      txn.data.CustomerRef = { ...ref, value: intoId, name: into.data.DisplayName };
      touch(ctx, txn.data);
      record(ctx, entity, String(txn.data.Id), 'Update');
    }
  }
  const balance = Number(into.data.Balance ?? 0) + Number(from.data.Balance ?? 0);
  if (!Number.isNaN(balance)) into.data.Balance = balance;
  touch(ctx, into.data);
  ctx.realm.remove('Customer', fromId, ctx.now);
  ctx.changes.push({
    realmId: ctx.realm.id,
    entity: 'Customer',
    id: intoId,
    operation: 'Merge',
    deletedId: fromId,
    at: ctx.now,
  });
  return into.data;
}
