import type { CompanyProfile, ReadResult } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { companyProfileFromQbo } from '../mapping/company-profile.ts';
import { guard } from './guard.ts';

/**
 * Preferences and CompanyInfo read once per adapter instance (one sync pass): the home currency
 * is needed to map every transaction. Failed reads are not cached.
 */
export function companyContext(qbo: QuickBooksClient) {
  let pending: Promise<ReadResult<CompanyProfile>> | null = null;
  return function profile(): Promise<ReadResult<CompanyProfile>> {
    if (!pending) {
      pending = guard(async () => companyProfileFromQbo(await qbo.preferences(), await qbo.companyInfo()));
      void pending.then((r) => {
        if (!r.ok) pending = null;
      });
    }
    return pending;
  };
}
