import type { CompanyProfile, ReadResult } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { companyProfileFromQbo } from '../mapping/company-profile.ts';
import { guard } from './guard.ts';

/** Where a realm's profile is kept between drains: in this process, or in the database for all. */
export interface CompanyProfileCache {
  /** The kept profile while it is fresh; undefined sends the adapter to QBO. */
  read(): Promise<CompanyProfile | undefined>;
  write(profile: CompanyProfile): Promise<void>;
}

/**
 * Keeps a profile for `ttlMs`: Preferences and CompanyInfo change rarely (home currency never,
 * closed books or tax settings now and then), and every drain needs them, so a short TTL saves
 * two calls per drain while a change still reaches the next drains within minutes.
 */
export function ttlCompanyProfileCache(ttlMs: number, now: () => number): CompanyProfileCache {
  let entry: { profile: CompanyProfile; at: number } | null = null;
  return {
    read: async () => (entry && now() - entry.at < ttlMs ? entry.profile : undefined),
    write: async (profile) => {
      entry = { profile, at: now() };
    },
  };
}

/**
 * Preferences and CompanyInfo read once per adapter instance (one sync pass), or taken from the
 * realm's cache: the home currency is needed to map every transaction. Failed reads are not cached.
 */
export function companyContext(qbo: QuickBooksClient, cache?: CompanyProfileCache) {
  let pending: Promise<ReadResult<CompanyProfile>> | null = null;
  return function profile(): Promise<ReadResult<CompanyProfile>> {
    if (!pending) {
      pending = (async () => {
        // A cache that cannot be read costs two QBO calls, never the drain.
        const cached = await cache?.read().catch(() => undefined);
        if (cached) return { ok: true as const, value: cached };
        const read = await guard(async () =>
          companyProfileFromQbo(await qbo.preferences(), await qbo.companyInfo()),
        );
        if (read.ok) await cache?.write(read.value).catch(() => undefined);
        return read;
      })();
      // The caller gets the rejection of a read that threw (e.g. the token store's database went
      // away); this side chain only forgets it, so it must not leave a rejection of its own.
      pending.then(
        (r) => {
          if (!r.ok) pending = null;
        },
        () => {
          pending = null;
        },
      );
    }
    return pending;
  };
}
