import { z } from 'zod';
import { entityBase, qboBool, refSchema } from './common.ts';

export const accountSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  AccountType: z.string().optional(),
  AccountSubType: z.string().optional(),
  Classification: z.string().optional(),
  Active: qboBool.optional(),
  CurrencyRef: refSchema.optional(),
});
export type QboAccount = z.infer<typeof accountSchema>;

export const taxCodeSchema = z.looseObject({
  Id: z.string(),
  SyncToken: z.string().optional(),
  Name: z.string(),
  Description: z.string().optional(),
  Active: qboBool.optional(),
  Taxable: qboBool.optional(),
});
export type QboTaxCode = z.infer<typeof taxCodeSchema>;
