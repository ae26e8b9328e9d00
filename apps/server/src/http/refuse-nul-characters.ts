import type { FastifyInstance } from 'fastify';
import { badRequest } from './http-error.ts';

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a NUL in a query parameter or a JSON string would
 * travel to the database and fail there as a 500. It is refused at the edge instead, by name.
 */
export function refuseNulInUrls(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\0')) {
      throw badRequest('nul_character', 'The URL contains a NUL character (%00), which cannot be stored');
    }
  });
}

/** True when any string (key or value) in a parsed JSON document contains U+0000. */
export function containsNul(document: unknown): boolean {
  // Iterative: a hostile body may nest thousands of levels deep.
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\0')) return true;
    } else if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\0')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
