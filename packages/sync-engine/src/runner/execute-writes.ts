import type { PlanAction, SyncPlan, WriteAction } from '../plan/plan-types.ts';
import type { WriteResult } from '../ports/side-writer.ts';
import { OBJECT_ORDER, type Side } from '../records/sync-object.ts';
import type { RunnerPorts } from './runner-ports.ts';

const isWrite = (a: PlanAction): a is WriteAction => a.kind === 'write';

/**
 * Sends a plan's writes: first the pending-create markers (so a crash after the remote call
 * replays the same idempotency key instead of creating twice), then the writes stage by stage in
 * dependency order (customers and products, invoices, payments), one batch per side per stage.
 * A write whose dependency failed in this pass is not sent; it stays pending for the next plan.
 */
export async function executeWrites(ports: RunnerPorts, plan: SyncPlan): Promise<WriteResult[]> {
  const writes = plan.actions.filter(isWrite);
  const creates = writes.filter((w) => w.command.kind === 'create' && w.link.pendingCreate !== null);
  if (creates.length > 0) await ports.store.setPendingCreates(creates.map((w) => w.link));

  const results: WriteResult[] = [];
  const failed = new Set<string>();
  const stages = [...new Set(writes.map((w) => OBJECT_ORDER[w.object]))].sort((a, b) => a - b);
  for (const stage of stages) {
    for (const side of ['hubspot', 'quickbooks'] as const satisfies readonly Side[]) {
      const batch = writes.filter(
        (w) => OBJECT_ORDER[w.object] === stage && w.side === side && !w.dependsOn.some((d) => failed.has(d)),
      );
      if (batch.length === 0) continue;
      const out = await ports.writers[side].writeBatch(batch.map((w) => w.command));
      const byKey = new Map(out.map((r) => [r.idempotencyKey, r]));
      for (const w of batch) {
        const r = byKey.get(w.command.idempotencyKey);
        if (r) results.push(r);
        if (!r?.ok) failed.add(w.id);
      }
    }
    for (const w of writes) if (w.dependsOn.some((d) => failed.has(d))) failed.add(w.id);
  }
  return results;
}
