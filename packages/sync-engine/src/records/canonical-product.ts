import { z } from 'zod';
import { decimalStringSchema } from './field-values.ts';

/** HubSpot product ⇄ QBO item, matched by SKU (R-OBJ-1, R-FLT-3). */
export const canonicalProductSchema = z.object({
  name: z.string(),
  sku: z.string().nullable(),
  description: z.string().nullable(),
  unitPrice: decimalStringSchema.nullable(),
  active: z.boolean(),
  /** QBO income account id; null on the HubSpot side. */
  incomeAccountId: z.string().nullable(),
});
export type CanonicalProduct = z.infer<typeof canonicalProductSchema>;
