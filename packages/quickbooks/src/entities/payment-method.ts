import { z } from 'zod';
import { entityBase, qboBool } from './common.ts';

export const paymentMethodSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  Active: qboBool.optional(),
  Type: z.string().optional(),
});
export type QboPaymentMethod = z.infer<typeof paymentMethodSchema>;
