import { z } from 'zod';
import { entityBase, qboBool, qboDecimal, refSchema } from './common.ts';

export const itemSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  Sku: z.string().optional(),
  Description: z.string().optional(),
  Active: qboBool.optional(),
  Type: z.string().optional(),
  UnitPrice: qboDecimal.optional(),
  IncomeAccountRef: refSchema.optional(),
});
export type QboItem = z.infer<typeof itemSchema>;
