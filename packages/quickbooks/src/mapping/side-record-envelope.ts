import type { RecordOf, SideRecord, SyncObject } from '@ledgersync/sync-engine';

interface Stamped {
  readonly Id: string;
  readonly SyncToken: string;
  readonly MetaData?: { CreateTime?: string | undefined; LastUpdatedTime?: string | undefined } | undefined;
}

/** QBO writes offsets as -0700 in places; the engine wants ISO 8601 with a colon. */
export function isoTime(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const fixed = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = new Date(fixed);
  return Number.isNaN(parsed.getTime())
    ? fallback
    : /[zZ]|[+-]\d{2}:\d{2}$/.test(fixed)
      ? fixed
      : parsed.toISOString();
}

export function envelope<O extends SyncObject>(
  object: O,
  entity: Stamped,
  record: RecordOf<O>,
): SideRecord<O> {
  const epoch = '1970-01-01T00:00:00Z';
  const createdAt = isoTime(entity.MetaData?.CreateTime, epoch);
  return {
    side: 'quickbooks',
    object,
    id: entity.Id,
    version: entity.SyncToken,
    createdAt,
    updatedAt: isoTime(entity.MetaData?.LastUpdatedTime, createdAt),
    record,
  };
}
