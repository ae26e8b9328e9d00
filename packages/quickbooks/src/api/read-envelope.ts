import type { z } from 'zod';
import { QboError } from '../errors/qbo-error.ts';

/** Validates a vendor payload; a mismatch is reported by path only (values may be personal data). */
export function parseEntity<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
    .join('; ');
  throw new QboError('Unknown', `Unexpected ${what} from QuickBooks (${where})`, null, null);
}

export function member(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}
