import { z } from 'zod';
import { DECIMAL_STRING_PATTERN } from '../money/money.ts';

export const decimalStringSchema = z
  .string()
  .regex(DECIMAL_STRING_PATTERN, 'expected a plain decimal string');
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code');

/**
 * A custom-mapped value. Typed so a mapping can be type-checked (R-MAP-5) and so values of
 * different kinds never compare equal by accident ("1" vs 1).
 */
export const customFieldValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('string'), value: z.string() }),
  z.object({ type: z.literal('number'), value: decimalStringSchema }),
  z.object({ type: z.literal('date'), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ type: z.literal('boolean'), value: z.boolean() }),
]);
export type CustomFieldValue = z.infer<typeof customFieldValueSchema>;

/** Custom values keyed by the side-local field key (HubSpot property name; QBO `CustomField:<DefinitionId>` or a standard field name). */
export const customFieldsSchema = z.record(z.string(), customFieldValueSchema.nullable());
