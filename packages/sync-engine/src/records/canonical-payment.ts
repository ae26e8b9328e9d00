import { z } from 'zod';
import { currencyCodeSchema, decimalStringSchema } from './field-values.ts';
import { isoDateSchema } from './sync-object.ts';

/** Part of a payment applied to one invoice; `invoiceId` is side-local. */
export const paymentApplicationSchema = z.object({
  invoiceId: z.string(),
  amount: decimalStringSchema,
});
export type PaymentApplication = z.infer<typeof paymentApplicationSchema>;

/** R-OBJ-4. `customerId` is side-local; `method` is free text ("card", "check", "ach"…). */
export const canonicalPaymentSchema = z.object({
  amount: decimalStringSchema,
  currency: currencyCodeSchema,
  date: isoDateSchema,
  method: z.string().nullable(),
  reference: z.string().nullable(),
  customerId: z.string().nullable(),
  appliedTo: z.array(paymentApplicationSchema),
});
export type CanonicalPayment = z.infer<typeof canonicalPaymentSchema>;
