import { checkScrapeToken, SCRAPE_CHALLENGE } from '@ledgersync/ops';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

/** `/metrics` is for the scraper holding the metrics token only (@ledgersync/ops's rule, as the worker's). */
export function metricsAuth(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const check = checkScrapeToken(request.headers.authorization, token);
    if (check.ok) return;
    if (check.status === 401) reply.header('www-authenticate', SCRAPE_CHALLENGE);
    throw new HttpError(check.status, check.code, check.message);
  };
}
