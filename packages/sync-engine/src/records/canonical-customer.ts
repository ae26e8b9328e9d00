import { z } from 'zod';
import { currencyCodeSchema } from './field-values.ts';

export const addressSchema = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

/**
 * HubSpot contact ⇄ QBO customer. `displayName` is QBO's unique name (R-OBJ-2); a HubSpot
 * contact has none, the engine derives it. `companyName` is the contact's company (its
 * association or text property, whichever the adapter reads).
 */
export const canonicalCustomerSchema = z.object({
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  displayName: z.string().nullable(),
  phone: z.string().nullable(),
  currency: currencyCodeSchema.nullable(),
  billingAddress: addressSchema.nullable(),
  active: z.boolean(),
});
export type CanonicalCustomer = z.infer<typeof canonicalCustomerSchema>;
