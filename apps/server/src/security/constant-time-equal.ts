import { timingSafeEqual } from 'node:crypto';

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is itself a mismatch.
  return x.length === y.length && timingSafeEqual(x, y);
}
