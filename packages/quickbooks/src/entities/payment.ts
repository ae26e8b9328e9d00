import { z } from 'zod';
import { entityBase, qboDecimal, refSchema } from './common.ts';
import { linkedTxnSchema } from './invoice.ts';

export const paymentSchema = z.looseObject({
  ...entityBase,
  CustomerRef: refSchema,
  TotalAmt: qboDecimal.optional(),
  UnappliedAmt: qboDecimal.optional(),
  TxnDate: z.string().optional(),
  PaymentRefNum: z.string().optional(),
  PaymentMethodRef: refSchema.optional(),
  CurrencyRef: refSchema.optional(),
  PrivateNote: z.string().optional(),
  Line: z
    .array(z.looseObject({ Amount: qboDecimal.optional(), LinkedTxn: z.array(linkedTxnSchema).default([]) }))
    .default([]),
});
export type QboPayment = z.infer<typeof paymentSchema>;
