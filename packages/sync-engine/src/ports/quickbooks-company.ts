import type { CompanyProfile } from '../settings/company-profile.ts';
import type { ReadResult } from './side-reader.ts';

/** Reads the connected company's Preferences and CompanyInfo (R-CON-6, R-ERR-3, R-ERR-5, R-OBJ-6). */
export interface QuickBooksCompanyPort {
  readCompanyProfile(): Promise<ReadResult<CompanyProfile>>;
}
