import type {
  ChangedPage,
  NaturalKey,
  ReadHints,
  ReadResult,
  SideReader,
  SideRecord,
  SyncObject,
} from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { isoTime } from '../mapping/side-record-envelope.ts';
import { QboQuery } from '../query/query-builder.ts';
import { companyContext } from './company-context.ts';
import { findDisplayNameHolders } from './find-display-name-holders.ts';
import { guard } from './guard.ts';
import { ENTITY_OF, toSideRecord } from './record-mappers.ts';

/** Ids per `Id IN (...)` query: a whole drain batch (200 notices) in one query, a few KB of URL. */
const IDS_PER_QUERY = 250;

/** Text values (emails, names, SKUs) per IN query: keeps the GET query string a few KB long. */
const TEXT_VALUES_PER_QUERY = 50;

function chunked<T>(values: readonly T[], size = TEXT_VALUES_PER_QUERY): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
const QUERY_PAGE = 1000;
/** Intuit refuses CDC further back than 30 days; a margin keeps clock skew out of it. */
const CDC_MAX_AGE_MS = 30 * 24 * 3600_000 - 3600_000;

function parseQueryToken(token: string | undefined, since: string): [number, string] {
  const match = /^q:(\d+):(.+)$/.exec(token ?? '');
  return match ? [Number(match[1]), match[2] as string] : [1, since];
}
/** CDC answers at most 1000 objects and cannot page; a full answer means "narrow and ask again". */
const CDC_CAP = 1000;

/** Name lists hide inactive records unless asked; the engine must see them (R-OBJ-7). */
function withInactive<E extends 'Customer' | 'Item' | 'Invoice' | 'Payment'>(q: QboQuery<E>): QboQuery<E> {
  return q.entity === 'Customer' || q.entity === 'Item' ? q.whereIn('Active', [true, false]) : q;
}

export interface QuickBooksReaderOptions {
  readonly now?: () => Date;
  /** Shares one Preferences/CompanyInfo read with the writer (see createQuickBooksAdapter). */
  readonly profile?: ReturnType<typeof companyContext>;
}

/** Offsets differ (QBO writes local time), so times are compared as instants. */
function latestOf(records: readonly SideRecord[], from: string): string {
  return records.reduce((max, r) => (Date.parse(r.updatedAt) > Date.parse(max) ? r.updatedAt : max), from);
}

export function createQuickBooksSideReader(
  qbo: QuickBooksClient,
  options: QuickBooksReaderOptions = {},
): SideReader {
  const profile = options.profile ?? companyContext(qbo);
  const now = options.now ?? (() => new Date());

  /**
   * CDC looks back 30 days at most. Older cursors (a long pause, a first sync) page through a
   * query on LastUpdatedTime instead; it cannot see deletes, which webhooks and links report.
   * The page token carries the next start position and the newest time seen so far. A walk from
   * the epoch (a first sync, R-CON-7: every record) is ordered by Id: a record updated meanwhile
   * (the walk's own first-match writes, a bookkeeper's edit) keeps its place, where ordered by
   * LastUpdatedTime it would move behind the position reached and push an unread one before it.
   */
  async function changedByQuery<O extends SyncObject>(
    object: O,
    since: string,
    pageToken: string | undefined,
    currency: string,
  ): Promise<ChangedPage<O>> {
    const [startPart, seenPart] = parseQueryToken(pageToken, since);
    const everything = Date.parse(since) <= 0;
    const query = withInactive(
      QboQuery.select(ENTITY_OF[object])
        .where('MetaData.LastUpdatedTime', '>=', since)
        .orderBy(everything ? 'Id' : 'MetaData.LastUpdatedTime'),
    );
    const page = await qbo.queryPage(query, startPart, QUERY_PAGE);
    const records = page.entities.map((e) => toSideRecord(object, e as never, currency));
    const latest = latestOf(records, seenPart);
    const nextPageToken = page.returned === QUERY_PAGE ? `q:${startPart + QUERY_PAGE}:${latest}` : null;
    return { records, nextPageToken, cursor: latest };
  }
  const withProfile = async <T>(work: (currency: string) => Promise<T>): Promise<ReadResult<T>> => {
    const p = await profile();
    if (!p.ok) return p;
    return guard(() => work(p.value.homeCurrency));
  };

  return {
    side: 'quickbooks',

    readByIds<O extends SyncObject>(object: O, ids: readonly string[], hints?: ReadHints) {
      return withProfile(async (currency) => {
        const entity = ENTITY_OF[object];
        const merges = hints?.mergedInto ?? new Map<string, string>();
        const wanted = [...new Set([...ids, ...ids.flatMap((id) => merges.get(id) ?? [])])];
        const found: SideRecord<O>[] = [];
        for (let i = 0; i < wanted.length; i += IDS_PER_QUERY) {
          const chunk = wanted.slice(i, i + IDS_PER_QUERY);
          const query = withInactive(QboQuery.select(entity).whereIn('Id', chunk));
          for await (const entityRead of qbo.queryAll(query)) {
            found.push(toSideRecord(object, entityRead as never, currency));
          }
        }
        const byId = new Map(found.map((r) => [r.id, r]));
        const records = ids.flatMap((id): SideRecord<O>[] => {
          const survivorId = merges.get(id);
          const survivor = survivorId === undefined ? undefined : byId.get(survivorId);
          // A merged-away record is answered by its survivor, reported under the asked id, as the
          // HubSpot reader does (R-OBJ-7). A survivor that is gone too leaves it missing (deleted).
          if (survivorId !== undefined) return survivor ? [{ ...survivor, id, mergedInto: survivorId }] : [];
          const own = byId.get(id);
          return own ? [own] : [];
        });
        const seen = new Set(records.map((r) => r.id));
        return { records, missing: ids.filter((id) => !seen.has(id)) };
      });
    },

    readChangedSince<O extends SyncObject>(object: O, since: string, pageToken?: string) {
      return withProfile(async (currency): Promise<ChangedPage<O>> => {
        const tooOldForCdc = Date.parse(since) < now().getTime() - CDC_MAX_AGE_MS;
        if (pageToken?.startsWith('q:') || tooOldForCdc) {
          return changedByQuery(object, since, pageToken, currency);
        }
        const from = pageToken ?? since;
        const changes = await qbo.changedSince([ENTITY_OF[object]], from);
        const records: SideRecord<O>[] = changes.map((c) => {
          if (c.record) return toSideRecord(object, c.record as never, currency);
          const stamp = isoTime(c.lastUpdated ?? undefined, from);
          return {
            side: 'quickbooks',
            object,
            id: c.id,
            version: '',
            createdAt: stamp,
            updatedAt: stamp,
            deleted: true,
          } as SideRecord<O>;
        });
        const latest = latestOf(records, from);
        // A full answer may have left changes out: continue from the newest change seen.
        const nextPageToken = changes.length >= CDC_CAP && latest !== from ? latest : null;
        return { records, nextPageToken, cursor: latest };
      });
    },

    findByNaturalKeys(keys: readonly NaturalKey[]): Promise<ReadResult<readonly SideRecord[]>> {
      return withProfile(async () => {
        const emails = keys.filter((k) => k.field === 'email').map((k) => k.value.trim());
        const names = keys.filter((k) => k.field === 'displayName').map((k) => k.value);
        const skus = keys.filter((k) => k.field === 'sku').map((k) => k.value);
        const out: SideRecord[] = [];
        const wanted = new Set(emails.map((e) => e.toLowerCase()));
        // One IN query per chunk, not one per key: QBO compares exactly, so each email is asked
        // as written and lower-cased, and matched case-insensitively here.
        const emailValues = [...new Set(emails.flatMap((e) => [e, e.toLowerCase()]))];
        for (const part of chunked(emailValues)) {
          for await (const c of qbo.queryAll(
            withInactive(QboQuery.select('Customer').whereIn('PrimaryEmailAddr', part)),
          )) {
            if (
              wanted.has((c.PrimaryEmailAddr?.Address ?? '').trim().toLowerCase()) &&
              !out.some((r) => r.id === c.Id && r.object === 'customer')
            ) {
              out.push(toSideRecord('customer', c, ''));
            }
          }
        }
        // Half a chunk of names: each is asked as itself and as "<name> (deleted)".
        for (const part of chunked([...new Set(names)], TEXT_VALUES_PER_QUERY / 2)) {
          for (const holder of await findDisplayNameHolders(qbo, part)) {
            if (!out.some((r) => r.id === holder.id && r.object === 'customer')) out.push(holder);
          }
        }
        for (const part of chunked([...new Set(skus)])) {
          for await (const item of qbo.queryAll(withInactive(QboQuery.select('Item').whereIn('Sku', part)))) {
            if (part.includes(item.Sku ?? '')) out.push(toSideRecord('product', item, ''));
          }
        }
        return out;
      });
    },
  };
}
