import { z } from 'zod';
import { isoDateSchema } from '../records/sync-object.ts';

/** What the engine needs to know about the connected QBO company (Preferences + CompanyInfo). */
export const companyProfileSchema = z.object({
  country: z.string(),
  homeCurrency: z.string().regex(/^[A-Z]{3}$/),
  multiCurrencyEnabled: z.boolean(),
  revenueRecognitionEnabled: z.boolean(),
  customTransactionNumbers: z.boolean(),
  /** Books closed up to and including this date (AccountingInfoPrefs.BookCloseDate), or null. */
  bookCloseDate: isoDateSchema.nullable(),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;
