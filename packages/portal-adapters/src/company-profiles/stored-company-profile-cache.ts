import { type DbClient, readCompanyProfile, saveCompanyProfile } from '@ledgersync/db';
import type { CompanyProfileCache } from '@ledgersync/quickbooks';
import { companyProfileSchema } from '@ledgersync/sync-engine';

/**
 * A realm's Preferences and CompanyInfo kept in the database for `ttlMs`, so every drain of every
 * worker and server within that time reads one row instead of making two of the realm's calls. A
 * stored profile this version cannot read counts as none: it is read again from QBO and replaced.
 */
export function storedCompanyProfileCache(
  db: DbClient,
  realmId: string,
  ttlMs: number,
  now: () => number,
): CompanyProfileCache {
  return {
    async read() {
      const row = await readCompanyProfile(db, realmId);
      if (!row || now() - row.readAt.getTime() >= ttlMs) return undefined;
      return companyProfileSchema.safeParse(row.profile).data;
    },
    async write(profile) {
      await saveCompanyProfile(db, realmId, profile, new Date(now()));
    },
  };
}
