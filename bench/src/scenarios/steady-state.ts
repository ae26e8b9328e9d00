import { syncingPortal } from '@ledgersync/test-world';
import { percentile } from '../measure/percentiles.ts';
import { apiCalls, resetApiCalls } from '../world/api-calls.ts';
import { checkSides } from '../world/check-sides.ts';
import { editHubSpotDueDate, editQuickBooksDueDate, QBO_CALLS_PER_EDIT } from '../world/edit-invoices.ts';
import { recordNotices, waitProcessed } from '../world/notices.ts';
import { seedHubSpot } from '../world/seed-hubspot.ts';
import { seedQuickBooks } from '../world/seed-quickbooks.ts';
import { spawnWorker } from '../world/spawn-worker.ts';
import type { BenchWorld } from '../world/start-bench-world.ts';
import type { RunOptions } from './measure-sync.ts';
import type { ScenarioResult } from './scenario-result.ts';

export interface SteadyStateOptions extends RunOptions {
  readonly seconds: number;
  /** Edits per second on each side. */
  readonly ratePerSecond: number;
  readonly perCallDelayMs: number;
}

const INVOICES_PER_SIDE = 20;
const dueDate = (n: number) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Scenario 3: invoices already in sync are edited at a steady rate on both sides (QBO-made ones in
 * QBO, HubSpot-made ones in HubSpot, as R-EDT allows). Latency runs from the edit's write on the
 * emulator to the notice being processed, which the drain does after writing the other side. The
 * notice is stored right after the edit, as a webhook with no aggregation window would.
 */
export async function steadyState(world: BenchWorld, o: SteadyStateOptions): Promise<ScenarioResult> {
  const p = await syncingPortal(world);
  const shape = { invoices: INVOICES_PER_SIDE, linesPerInvoice: 3 };
  const qboIds = await seedQuickBooks(world.qboUrl, p.realmId, p.incomeAccountId, {
    ...shape,
    customers: 5,
    items: 5,
  });
  const hsIds = await seedHubSpot(world.hubspotUrl, p.hubId, { ...shape, contacts: 5, products: 5 });
  const worker = await spawnWorker(world, o);
  try {
    await recordNotices(world, [
      { portalId: p.portalId, side: 'quickbooks', object: 'invoice', ids: qboIds },
      { portalId: p.portalId, side: 'hubspot', object: 'invoice', ids: hsIds },
    ]);
    await waitProcessed(world, [p.portalId], o.timeoutMs);
    await resetApiCalls(world);

    const edits: Promise<{ eventId: string; at: number }>[] = [];
    const started = Date.now();
    const tickMs = 1000 / o.ratePerSecond;
    for (let n = 0; Date.now() - started < o.seconds * 1000; n++) {
      const edit = async (side: 'quickbooks' | 'hubspot') => {
        const ids = side === 'quickbooks' ? qboIds : hsIds;
        const id = ids[n % ids.length] ?? '';
        const at = Date.now();
        if (side === 'quickbooks') await editQuickBooksDueDate(world, p, id, dueDate(n));
        else await editHubSpotDueDate(world, p, id, dueDate(n));
        const eventId = await recordNotices(world, [
          { portalId: p.portalId, side, object: 'invoice', ids: [id] },
        ]);
        return { eventId: eventId[0] ?? '', at };
      };
      edits.push(edit('quickbooks'), edit('hubspot'));
      await new Promise((r) => setTimeout(r, Math.max(0, started + (n + 1) * tickMs - Date.now())));
    }
    const made = await Promise.all(edits);
    await waitProcessed(world, [p.portalId], o.timeoutMs);
    const wallMs = Date.now() - started;
    const notices = await world.db.changeNotice.findMany({
      where: { portalId: p.portalId, eventId: { in: made.map((m) => m.eventId) } },
      select: { eventId: true, processedAt: true },
    });
    const doneAt = new Map(notices.map((n) => [n.eventId, n.processedAt?.getTime() ?? Number.NaN]));
    const latencies = made.map((m) => (doneAt.get(m.eventId) ?? Number.NaN) - m.at);
    const calls = await apiCalls(world, { hubIds: [p.hubId], realmIds: [p.realmId] });
    const qboEdits = made.length / 2;
    const check = await checkSides(world, p, 2 * INVOICES_PER_SIDE);
    const measured = latencies.every(Number.isFinite);
    return {
      name: 'steady state',
      size: made.length,
      wallMs,
      // A change needs one read on its side and one write on the other: no rate limit binds at
      // this rate, so the floor is the round trips alone.
      floorMs: 2 * o.perCallDelayMs,
      burstFloorMs: 2 * o.perCallDelayMs,
      ratio: null,
      calls: {
        hubspot: calls.calls.hubspot,
        quickbooks: calls.calls.quickbooks - QBO_CALLS_PER_EDIT * qboEdits,
      },
      callsByRoute: calls.byRoute,
      minimumCalls: { hubspot: made.length, quickbooks: made.length },
      http429: calls.http429.hubspot + calls.http429.quickbooks,
      peakRssMb: worker.peakRssMb(),
      correct: check.correct && measured,
      detail: measured ? check.detail : 'a change has no processed notice',
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: percentile(latencies, 100),
    };
  } finally {
    await worker.stop();
  }
}
