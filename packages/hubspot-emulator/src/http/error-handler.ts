import type { FastifyInstance } from 'fastify';
import { errorBody, HubSpotError } from './hubspot-error.ts';

/** Every failure leaves as HubSpot's JSON error body, never Fastify's own shape. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof HubSpotError) {
      return reply
        .code(err.init.status)
        .headers(err.init.headers ?? {})
        .type('application/json')
        .send(errorBody(err.init));
    }
    const e = err as { statusCode?: number; message?: string };
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    const init =
      status === 500
        ? { status, category: 'INTERNAL_ERROR' as const, message: 'internal error' }
        : {
            status,
            category: 'VALIDATION_ERROR' as const,
            message: `Invalid input JSON: ${e.message ?? ''}`,
          };
    if (status === 500) app.log.error(err);
    return reply.code(status).type('application/json').send(errorBody(init));
  });
  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .type('application/json')
      .send(
        errorBody({
          status: 404,
          category: 'OBJECT_NOT_FOUND',
          message: `No route for ${req.method} ${req.url}`,
        }),
      );
  });
}

/** JSON bodies may be empty (the SDK sends DELETE/PUT with no body); forms are parsed for OAuth. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(
        new HubSpotError({
          status: 400,
          category: 'VALIDATION_ERROR',
          message: 'Invalid input JSON: malformed',
        }),
      );
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}
