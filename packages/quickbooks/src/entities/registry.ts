import type { z } from 'zod';
import { accountSchema, taxCodeSchema } from './account.ts';
import { companyInfoSchema, preferencesSchema } from './company.ts';
import { customerSchema, nameEntitySchema } from './customer.ts';
import { invoiceSchema } from './invoice.ts';
import { itemSchema } from './item.ts';
import { paymentSchema } from './payment.ts';
import { paymentMethodSchema } from './payment-method.ts';

/** Entity name as QBO writes it in bodies and queries → its schema. */
export const ENTITY_SCHEMAS = {
  Invoice: invoiceSchema,
  Payment: paymentSchema,
  PaymentMethod: paymentMethodSchema,
  Customer: customerSchema,
  Vendor: nameEntitySchema,
  Employee: nameEntitySchema,
  Item: itemSchema,
  Account: accountSchema,
  TaxCode: taxCodeSchema,
  Preferences: preferencesSchema,
  CompanyInfo: companyInfoSchema,
} as const;

export type EntityName = keyof typeof ENTITY_SCHEMAS;
export type EntityOf<E extends EntityName> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;

/** URIs are case sensitive and every SDK sends the lower-cased name. */
export function entityPath(entity: EntityName): string {
  return entity.toLowerCase();
}
