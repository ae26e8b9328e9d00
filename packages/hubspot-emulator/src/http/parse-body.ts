import type { z } from 'zod';
import { validation } from './hubspot-error.ts';

/** zod at the boundary, failing the way HubSpot does: 400 VALIDATION_ERROR with details. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({
    message: `${i.path.join('.') || 'body'}: ${i.message}`,
    code: 'INVALID_FIELD',
    in: i.path.join('.'),
  }));
  throw validation(`Invalid input JSON on line 1: ${errors.map((e) => e.message).join('; ')}`, errors);
}
