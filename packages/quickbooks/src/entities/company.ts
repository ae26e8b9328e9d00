import { z } from 'zod';
import { addressSchema, entityBase, qboBool, refSchema } from './common.ts';

export const preferencesSchema = z.looseObject({
  ...entityBase,
  SalesFormsPrefs: z.looseObject({ CustomTxnNumbers: qboBool.optional() }).optional(),
  AccountingInfoPrefs: z.looseObject({ BookCloseDate: z.string().nullable().optional() }).optional(),
  ProductAndServicesPrefs: z.looseObject({ RevenueRecognition: qboBool.optional() }).optional(),
  CurrencyPrefs: z
    .looseObject({ MultiCurrencyEnabled: qboBool.optional(), HomeCurrency: refSchema.optional() })
    .optional(),
  TaxPrefs: z.looseObject({ UsingSalesTax: qboBool.optional() }).optional(),
});
export type QboPreferences = z.infer<typeof preferencesSchema>;

export const companyInfoSchema = z.looseObject({
  ...entityBase,
  CompanyName: z.string().optional(),
  LegalName: z.string().optional(),
  Country: z.string().optional(),
  CompanyAddr: addressSchema.optional(),
});
export type QboCompanyInfo = z.infer<typeof companyInfoSchema>;
