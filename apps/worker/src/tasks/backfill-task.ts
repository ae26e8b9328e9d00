import { createPrismaSyncStore, type Db } from '@ledgersync/db';
import { BACKFILL_TASK, parseJobPayload } from '@ledgersync/jobs';
import type { PortsFor } from '@ledgersync/portal-adapters';
import { type Clock, type RecordRef, recordKey, syncRecords } from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';
import { portalGate } from '../portal-gate.ts';

export interface BackfillDeps {
  readonly db: Db;
  readonly portsFor: PortsFor;
  readonly clock: Clock;
}

/**
 * Syncs historical HubSpot invoices page by page. The outbound filter "created after the sync was
 * turned on" (R-FLT-1) is what makes them historical, so for these records the start moment is
 * moved back to the range's start; the other filters (source HubSpot, not a draft) still apply.
 * The total is counted up front with HubSpot search's `total`; done and failed grow apart, page by
 * page, with the page cursor, so a restarted job resumes and the bar moves from 0 to 100.
 */
export function backfillTask(deps: BackfillDeps): Task {
  return async (payload) => {
    const { backfillId } = parseJobPayload(BACKFILL_TASK, payload);
    await runBackfill(deps, backfillId);
  };
}

export async function runBackfill(deps: BackfillDeps, backfillId: string): Promise<void> {
  const { db } = deps;
  const backfill = await db.backfill.findUnique({ where: { id: backfillId } });
  if (!backfill || backfill.status === 'done' || backfill.status === 'cancelled') return;
  const portalId = backfill.portalId;
  if ((await portalGate(db, portalId)) !== 'active') return;
  const store = createPrismaSyncStore(db, { now: () => deps.clock.now() });
  const [ports, settings] = await Promise.all([deps.portsFor(portalId), store.readSettings(portalId)]);
  if (!ports || !settings) return;
  const startedAt = settings.invoice.syncStartedAt;
  const from = backfill.from.toISOString();
  const widened = {
    ...settings,
    invoice: { ...settings.invoice, syncStartedAt: startedAt && startedAt < from ? startedAt : from },
  };
  // The total is counted once, before the first page, so the bar moves from 0 to 100; a resumed
  // run keeps the total it counted.
  let total = backfill.total;
  if (backfill.startedAt === null) {
    const counted = await ports.counters.hubspot.countRecords('invoice', {
      from,
      to: backfill.to.toISOString(),
    });
    if (!counted.ok)
      throw new Error(`backfill ${backfillId}: ${counted.error.code}: ${counted.error.message}`);
    total = counted.value;
  }
  await db.backfill.update({
    where: { id: backfillId },
    data: { status: 'running', total, startedAt: backfill.startedAt ?? deps.clock.now() },
  });
  let cursor = backfill.cursor ?? undefined;
  for (;;) {
    const page = await ports.readers.hubspot.readChangedSince('invoice', from, cursor);
    if (!page.ok) throw new Error(`backfill ${backfillId}: ${page.error.code}: ${page.error.message}`);
    const inRange = page.value.records.filter(
      (r) =>
        Date.parse(r.createdAt) >= backfill.from.getTime() &&
        Date.parse(r.createdAt) <= backfill.to.getTime(),
    );
    const seeds: RecordRef[] = inRange.map((r) => ({ side: 'hubspot', object: 'invoice', id: r.id }));
    const result = await syncRecords({ ...ports, store, clock: deps.clock }, portalId, widened, seeds);
    const failed = seeds.filter(
      (s) => result.waiting.has(recordKey(s)) || result.failed.has(recordKey(s)),
    ).length;
    cursor = page.value.nextPageToken ?? undefined;
    const row = await db.backfill.update({
      where: { id: backfillId },
      data: {
        done: { increment: seeds.length - failed },
        failed: { increment: failed },
        cursor: cursor ?? null,
        ...(cursor ? {} : { status: 'done', finishedAt: deps.clock.now() }),
      },
    });
    if (!cursor) {
      // Invoices created in the range while it ran were counted after the total was: the
      // finished bar still reads done + failed of total.
      if (row.done + row.failed > row.total)
        await db.backfill.update({ where: { id: backfillId }, data: { total: row.done + row.failed } });
      return;
    }
  }
}
