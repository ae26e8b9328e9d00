import type { Side, SyncObject } from '../records/sync-object.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import type { ActivityEntry, ChangeNotice, Link, MergeBase, RecordStatus } from './link.ts';

/**
 * Persistence the runner needs, implemented by `@ledgersync/db`. All methods are batch-friendly
 * and scoped to one portal. Writes of links and merge bases for one plan should be committed
 * together (one transaction) by the implementation of `commitPlanResults`.
 */
export interface SyncStore {
  readSettings(portalId: string): Promise<PortalSettings | null>;

  findLinks(
    portalId: string,
    object: SyncObject,
    side: Side,
    ids: readonly string[],
  ): Promise<readonly Link[]>;
  findLinksByIds(portalId: string, linkIds: readonly string[]): Promise<readonly Link[]>;
  /** Inserts or replaces links (by `id`), rejecting a stale `linkVersion` (optimistic lock). */
  upsertLinks(links: readonly Link[]): Promise<void>;
  /** Marks creates as in flight before sending them; see `Link.pendingCreate`. */
  setPendingCreates(links: readonly Link[]): Promise<void>;

  readMergeBases(portalId: string, linkIds: readonly string[]): Promise<readonly MergeBase[]>;

  /** Stores the outcome of one applied plan atomically: links, merge bases, statuses, activity. */
  commitPlanResults(portalId: string, results: CommitBatch): Promise<void>;

  claimNotices(portalId: string, limit: number, now: Date): Promise<readonly ChangeNotice[]>;
  markNoticesProcessed(noticeIds: readonly string[]): Promise<void>;
  /** Puts notices back with a backoff: they are claimable again at `notBefore`. */
  deferNotices(noticeIds: readonly string[], notBefore: Date, reason: string): Promise<void>;

  appendActivity(entries: readonly ActivityEntry[]): Promise<void>;
  upsertRecordStatuses(statuses: readonly RecordStatus[]): Promise<void>;

  getCursor(portalId: string, side: Side, object: SyncObject): Promise<string | null>;
  advanceCursor(portalId: string, side: Side, object: SyncObject, cursor: string): Promise<void>;
}

export interface CommitBatch {
  readonly links: readonly Link[];
  readonly mergeBases: readonly MergeBase[];
  readonly statuses: readonly RecordStatus[];
  readonly activity: readonly ActivityEntry[];
}
