import type { Side, SyncObject } from '../records/sync-object.ts';

export interface RecordRef {
  readonly side: Side;
  readonly object: SyncObject;
  readonly id: string;
  /** Set on a seed whose notice reported a merge: the survivor (R-OBJ-7). */
  readonly mergedInto?: string;
}

export const recordKey = (r: RecordRef): string => `${r.object}|${r.side}|${r.id}`;

/** Groups refs by side and object, deduplicating ids, for batched reads. */
export function groupRefs(refs: Iterable<RecordRef>): { side: Side; object: SyncObject; ids: string[] }[] {
  const groups = new Map<string, { side: Side; object: SyncObject; ids: Set<string> }>();
  for (const r of refs) {
    const k = `${r.side}|${r.object}`;
    const g = groups.get(k) ?? { side: r.side, object: r.object, ids: new Set<string>() };
    g.ids.add(r.id);
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => ({ side: g.side, object: g.object, ids: [...g.ids] }));
}
