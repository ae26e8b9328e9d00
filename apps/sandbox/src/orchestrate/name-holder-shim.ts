import type { FastifyInstance } from 'fastify';

const NAME_HOLDER_QUERY = /\bfrom\s+(vendor|employee)\b/i;

/**
 * The QBO adapter checks Vendor and Employee display names (they share the name space with
 * customers, R-ERR-2), but the QBO emulator does not implement those entities and refuses the
 * query, which would fail every contact sync. Until it does, the sandbox answers those queries as
 * a company with no vendors or employees does: an empty QueryResponse. Nothing else is touched.
 */
export function answerNameHolderQueries(qbo: FastifyInstance): void {
  qbo.addHook('preHandler', async (request, reply) => {
    if (!/^\/v3\/company\/[^/]+\/query/.test(request.url)) return;
    const fromQuery = (request.query as Record<string, unknown> | undefined)?.query;
    const text =
      typeof fromQuery === 'string' ? fromQuery : typeof request.body === 'string' ? request.body : '';
    if (!NAME_HOLDER_QUERY.test(text)) return;
    return reply.send({ QueryResponse: {}, time: new Date().toISOString() });
  });
}
