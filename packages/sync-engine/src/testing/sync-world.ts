import { applyPlanResults } from '../plan/apply-plan-results.ts';
import { planSyncBatch } from '../plan/plan-sync-batch.ts';
import type { SyncPlan } from '../plan/plan-types.ts';
import { fixedClock } from '../ports/clock.ts';
import type { Link, MergeBase } from '../ports/link.ts';
import type { WriteCommand, WriteResult } from '../ports/side-writer.ts';
import type { AnySideRecord, RecordOf } from '../records/side-record.ts';
import type { Side } from '../records/sync-object.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import { company as defaultCompany, T1 } from './factories.ts';
import { performWrite } from './perform-write.ts';

/**
 * An in-memory pair of apps plus a store, for scenario and property tests: it plays the runner's
 * part (plan, write, apply) with writers that do exactly what the commands say.
 */
export class SyncWorld {
  records = new Map<string, AnySideRecord>();
  links: Link[] = [];
  bases = new Map<string, MergeBase>();
  private counter = 0;
  /** Idempotency keys → first result: a repeated key replays, as QBO does with `requestid`. */
  private replay = new Map<string, WriteResult>();
  failNext: ((c: WriteCommand, side: Side) => WriteResult | null) | null = null;

  constructor(
    public settings: PortalSettings,
    public company: CompanyProfile | null = defaultCompany(),
    public customLineItemId: string | null = 'cli',
  ) {}

  /** An independent copy (records are immutable values, so copying the containers is enough). */
  clone(): SyncWorld {
    const copy = new SyncWorld(this.settings, this.company, this.customLineItemId);
    copy.records = new Map(this.records);
    copy.links = [...this.links];
    copy.bases = new Map(this.bases);
    copy.counter = this.counter;
    copy.replay = new Map(this.replay);
    return copy;
  }

  put(r: AnySideRecord): void {
    this.records.set(`${r.object}|${r.side}|${r.id}`, r);
  }

  get<O extends AnySideRecord['object']>(object: O, side: Side, id: string): RecordOf<O> | undefined {
    return this.records.get(`${object}|${side}|${id}`)?.record as RecordOf<O> | undefined;
  }

  edit<O extends AnySideRecord['object']>(
    object: O,
    side: Side,
    id: string,
    patch: Partial<RecordOf<O>>,
  ): void {
    const r = this.records.get(`${object}|${side}|${id}`);
    if (!r) throw new Error(`no ${object} ${side} ${id}`);
    this.put({
      ...r,
      record: { ...r.record, ...patch },
      version: String(Number(r.version) + 1),
    } as AnySideRecord);
  }

  linkOf(object: string, side: Side, id: string): Link | undefined {
    return this.links.find(
      (l) => l.object === object && (side === 'hubspot' ? l.hubspotId : l.quickbooksId) === id,
    );
  }

  plan(): SyncPlan {
    const all = [...this.records.values()];
    return planSyncBatch({
      portalId: 'p1',
      settings: this.settings,
      company: this.company,
      clock: fixedClock(T1),
      records: all,
      links: this.links,
      mergeBases: [...this.bases.values()],
      candidates: all,
      customLineItemId: this.customLineItemId,
    });
  }

  /** Plans, writes and applies until nothing is deferred (at most 4 rounds). Returns every plan. */
  sync(): SyncPlan[] {
    const plans: SyncPlan[] = [];
    for (let round = 0; round < 4; round++) {
      const plan = this.plan();
      plans.push(plan);
      const results: WriteResult[] = [];
      for (const a of plan.actions) if (a.kind === 'write') results.push(this.write(a.side, a.command));
      const applied = applyPlanResults(plan, results, fixedClock(T1));
      for (const l of applied.links) this.links = [...this.links.filter((x) => x.id !== l.id), l];
      for (const b of applied.mergeBases) this.bases.set(b.linkId, b);
      if (!applied.pending.some((p) => p.kind === 'defer')) break;
    }
    return plans;
  }

  private write(side: Side, c: WriteCommand): WriteResult {
    const replayed = this.replay.get(c.idempotencyKey);
    if (replayed) return replayed;
    const result = this.failNext?.(c, side) ?? this.perform(side, c);
    this.replay.set(c.idempotencyKey, result);
    return result;
  }

  private perform(side: Side, c: WriteCommand): WriteResult {
    return performWrite(this.records, side, c, () => `${side === 'hubspot' ? 'h' : 'q'}${++this.counter}`);
  }
}

export function writes(plan: SyncPlan) {
  return plan.actions.filter((a) => a.kind === 'write');
}
