import { createChangeIntake } from '@ledgersync/jobs';
import type { Side, SyncObject } from '@ledgersync/sync-engine';
import type { BenchWorld } from './start-bench-world.ts';

export interface NoticeBatch {
  readonly portalId: string;
  readonly side: Side;
  readonly object: SyncObject;
  readonly ids: readonly string[];
}

let events = 0;
/** What the webhook route stores: one notice per change, a sync job per portal at once. */
export async function recordNotices(world: BenchWorld, batches: readonly NoticeBatch[]): Promise<string[]> {
  const intake = createChangeIntake(world.db, { debounceMs: 0 });
  const eventIds: string[] = [];
  for (const b of batches) {
    for (let start = 0; start < b.ids.length; start += 1000) {
      await intake.record(
        b.ids.slice(start, start + 1000).map((recordId) => {
          const eventId = `bench-${++events}-${recordId}`;
          eventIds.push(eventId);
          return { portalId: b.portalId, side: b.side, object: b.object, recordId, eventId };
        }),
      );
    }
  }
  return eventIds;
}

/**
 * Waits until every notice of the portals is processed; returns per portal the time the last one
 * was marked processed (the drain marks a notice after its write reached the other side).
 */
export async function waitProcessed(
  world: BenchWorld,
  portalIds: readonly string[],
  timeoutMs: number,
): Promise<Map<string, number>> {
  const end = Date.now() + timeoutMs;
  const where = { portalId: { in: [...portalIds] } };
  while ((await world.db.changeNotice.count({ where: { ...where, processedAt: null } })) > 0) {
    if (Date.now() > end)
      throw new Error(
        `notices still pending after ${timeoutMs} ms: ${await pendingSummary(world, portalIds)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
  const last = await world.db.changeNotice.groupBy({ by: ['portalId'], where, _max: { processedAt: true } });
  return new Map(last.map((l) => [l.portalId, l._max.processedAt?.getTime() ?? 0]));
}

/** Why notices are still pending (attempts and last error), for a timed-out run's message. */
async function pendingSummary(world: BenchWorld, portalIds: readonly string[]): Promise<string> {
  const groups = await world.db.changeNotice.groupBy({
    by: ['attempts', 'lastError'],
    where: { portalId: { in: [...portalIds] }, processedAt: null },
    _count: { _all: true },
  });
  return groups.map((g) => `${g._count._all}× attempts=${g.attempts} ${g.lastError ?? ''}`.trim()).join('; ');
}
