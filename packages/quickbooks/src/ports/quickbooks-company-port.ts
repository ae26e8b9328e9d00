import type { QuickBooksCompanyPort } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { companyContext } from './company-context.ts';

/** R-CON-6, R-ERR-3, R-ERR-5, R-OBJ-6: the connected company's settings the engine checks. */
export function createQuickBooksCompanyPort(
  qbo: QuickBooksClient,
  profile: ReturnType<typeof companyContext> = companyContext(qbo),
): QuickBooksCompanyPort {
  return { readCompanyProfile: profile };
}
