import type { FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../security/constant-time-equal.ts';
import { forbidden, unauthorized } from './http-error.ts';

/**
 * `/metrics` names portals' volumes, error codes and queue depth: only the scraper holding the
 * configured bearer token may read it. With no token configured nobody can (fail closed).
 */
export function metricsAuth(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!token) throw forbidden('metrics_disabled', 'Metrics are off: set METRICS_TOKEN to scrape them');
    const header = request.headers.authorization ?? '';
    const presented = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    if (!constantTimeEqual(presented, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw unauthorized(
        presented ? 'metrics_token_invalid' : 'metrics_token_missing',
        presented ? 'The metrics token is not valid' : 'Send the metrics token as Authorization: Bearer',
      );
    }
  };
}
