import { fixedClock } from '../ports/clock.ts';
import type { ChangeNotice, Link, MergeBase } from '../ports/link.ts';
import type { SideReader } from '../ports/side-reader.ts';
import type { SideWriter, WriteCommand, WriteResult } from '../ports/side-writer.ts';
import type { SyncStore } from '../ports/sync-store.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import type { RunnerPorts } from '../runner/runner-ports.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import { company, T1 } from './factories.ts';
import { performWrite } from './perform-write.ts';

/**
 * One in-memory app per side plus a store, for the runner's unit tests (the end-to-end tests use
 * the real adapters, emulators and PostgreSQL). Writes replay by idempotency key, as QBO does.
 */
export class InMemoryApps {
  readonly records = new Map<string, AnySideRecord>();
  readonly calls: string[] = [];
  private counter = 0;
  private readonly replay = new Map<string, WriteResult>();
  /** Return a result to fail a command instead of performing it; throw to simulate a crash. */
  intercept: ((c: WriteCommand, side: Side) => WriteResult | null) | null = null;
  /** Makes natural-key lookups fail (a side that is down). */
  lookupsFail = false;
  /** Records (by `object|side|id`) the reader reports as holding a value it cannot take. */
  readonly unparsable = new Set<string>();

  put(r: AnySideRecord): void {
    this.records.set(`${r.object}|${r.side}|${r.id}`, r);
  }
  all(side: Side, object: SyncObject): AnySideRecord[] {
    return [...this.records.values()].filter((r) => r.side === side && r.object === object);
  }

  reader(side: Side): SideReader {
    return {
      side,
      readByIds: async (object, ids) => {
        this.calls.push(`read ${side} ${object}`);
        const bad = (id: string) => this.unparsable.has(`${object}|${side}|${id}`);
        const found = ids.flatMap((id) =>
          bad(id) ? [] : (this.records.get(`${object}|${side}|${id}`) ?? []),
        );
        const missing = ids.filter((id) => !this.records.has(`${object}|${side}|${id}`));
        const invalid = ids.filter(bad).map((id) => ({
          id,
          error: { code: 'invalid_field_value' as const, message: `price of ${id}: "1e3"`, retryable: false },
        }));
        return { ok: true, value: { records: found as never, missing, invalid } };
      },
      readChangedSince: async () => ({ ok: true, value: { records: [], nextPageToken: null, cursor: T1 } }),
      findByNaturalKeys: async (keys) => {
        this.calls.push(`find ${side}`);
        if (this.lookupsFail) {
          return { ok: false, error: { code: 'remote_unavailable', message: '503', retryable: true } };
        }
        const hits = [...this.records.values()].filter(
          (r) =>
            r.side === side &&
            keys.some(
              (k) =>
                (k.object === 'customer' &&
                  r.object === 'customer' &&
                  k.field === 'email' &&
                  r.record.email === k.value) ||
                (k.object === 'product' && r.object === 'product' && r.record.sku === k.value) ||
                (k.object === 'payment' &&
                  r.object === 'payment' &&
                  r.record.appliedTo.some((a) => a.invoiceId === k.value)),
            ),
        );
        return { ok: true, value: hits };
      },
    };
  }

  writer(side: Side): SideWriter {
    return {
      side,
      writeBatch: async (commands) => {
        this.calls.push(`write ${side} ${commands.length}`);
        return commands.map((c) => {
          const seen = this.replay.get(c.idempotencyKey);
          if (seen) return seen;
          const result = this.intercept?.(c, side) ?? this.perform(side, c);
          if (result.ok) this.replay.set(c.idempotencyKey, result);
          return result;
        });
      },
    };
  }

  private perform(side: Side, c: WriteCommand): WriteResult {
    return performWrite(this.records, side, c, () => `${side[0]}${++this.counter}`);
  }
}

/** The store as plain maps, with the same claim/defer semantics as the database one. */
export class InMemoryStore implements SyncStore {
  links = new Map<string, Link>();
  bases = new Map<string, MergeBase>();
  notices: (ChangeNotice & { processed: boolean; notBefore: number })[] = [];
  statuses = new Map<string, string>();
  constructor(public settings: PortalSettings) {}

  notify(side: Side, object: SyncObject, recordId: string): void {
    const id = String(this.notices.length + 1);
    this.notices.push({
      id,
      portalId: this.settings.portalId,
      side,
      object,
      recordId,
      eventId: id,
      kind: 'change',
      mergedInto: null,
      occurredAt: T1,
      receivedAt: T1,
      attempts: 0,
      processed: false,
      notBefore: 0,
    });
  }
  pending() {
    return this.notices.filter((n) => !n.processed);
  }
  linkOf(object: SyncObject, side: Side, id: string): Link | undefined {
    return [...this.links.values()].find(
      (l) => l.object === object && (side === 'hubspot' ? l.hubspotId : l.quickbooksId) === id,
    );
  }

  readSettings = async () => this.settings;
  findLinks = async (_p: string, object: SyncObject, side: Side, ids: readonly string[]) =>
    ids.flatMap((id) => this.linkOf(object, side, id) ?? []);
  findLinksByIds = async (_p: string, ids: readonly string[]) =>
    ids.flatMap((id) => this.links.get(id) ?? []);
  // As the database store reads them back: a link with a create in flight is pending_create.
  upsertLinks = async (links: readonly Link[]) => {
    for (const l of links)
      this.links.set(l.id, {
        ...l,
        state: l.pendingCreate ? 'pending_create' : l.state === 'pending_create' ? 'active' : l.state,
      });
  };
  setPendingCreates = this.upsertLinks;
  readMergeBases = async (_p: string, ids: readonly string[]) =>
    ids.flatMap((id) => this.bases.get(id) ?? []);
  commitPlanResults: SyncStore['commitPlanResults'] = async (_p, batch) => {
    await this.upsertLinks(batch.links);
    for (const b of batch.mergeBases) this.bases.set(b.linkId, b);
    for (const s of batch.statuses)
      this.statuses.set(`${s.object}|${s.side}|${s.recordId}`, s.errorCode ?? s.state);
  };
  claimNotices = async (_p: string, limit: number, now: Date) =>
    this.pending()
      .filter((n) => n.notBefore <= now.getTime())
      .slice(0, limit);
  markNoticesProcessed = async (ids: readonly string[]) => {
    for (const n of this.notices) if (ids.includes(n.id)) n.processed = true;
  };
  deferNotices = async (ids: readonly string[], notBefore: Date) => {
    for (const n of this.notices)
      if (ids.includes(n.id)) Object.assign(n, { notBefore: notBefore.getTime(), attempts: n.attempts + 1 });
  };
  appendActivity = async () => {};
  upsertRecordStatuses = async () => {};
  getCursor = async () => null;
  advanceCursor = async () => {};
}

export function inMemoryPorts(apps: InMemoryApps, store: InMemoryStore): RunnerPorts {
  return {
    store,
    readers: { hubspot: apps.reader('hubspot'), quickbooks: apps.reader('quickbooks') },
    writers: { hubspot: apps.writer('hubspot'), quickbooks: apps.writer('quickbooks') },
    company: { readCompanyProfile: async () => ({ ok: true, value: company() }) },
    customLineItem: { ensureCustomLineItem: async () => ({ ok: true, itemId: 'cli' }) },
    clock: fixedClock(T1),
  };
}
