import { z } from 'zod';
import { addressSchema, entityBase, qboBool, qboDecimal, refSchema } from './common.ts';

export const customerSchema = z.looseObject({
  ...entityBase,
  DisplayName: z.string().optional(),
  GivenName: z.string().optional(),
  FamilyName: z.string().optional(),
  CompanyName: z.string().optional(),
  FullyQualifiedName: z.string().optional(),
  Active: qboBool.optional(),
  PrimaryEmailAddr: z.looseObject({ Address: z.string().optional() }).optional(),
  PrimaryPhone: z.looseObject({ FreeFormNumber: z.string().optional() }).optional(),
  BillAddr: addressSchema.optional(),
  CurrencyRef: refSchema.optional(),
  Balance: qboDecimal.optional(),
});
export type QboCustomer = z.infer<typeof customerSchema>;

/** Vendors and employees share the display-name space with customers (R-ERR-2). */
export const nameEntitySchema = z.looseObject({
  ...entityBase,
  DisplayName: z.string().optional(),
  Active: qboBool.optional(),
  PrimaryEmailAddr: z.looseObject({ Address: z.string().optional() }).optional(),
});
export type QboNameEntity = z.infer<typeof nameEntitySchema>;
