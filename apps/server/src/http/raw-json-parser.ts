import type { FastifyInstance } from 'fastify';
import { badRequest } from './http-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: signatures are computed over these bytes, not a re-serialisation. */
    rawBody?: string;
  }
}

/** Keeps the raw body of every JSON request next to the parsed one; malformed JSON is a 400. */
export function installRawJsonParser(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/cloudevents-batch+json', 'application/cloudevents+json'],
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = body as string;
      request.rawBody = text;
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(badRequest('malformed_json', 'The request body is not valid JSON'));
      }
    },
  );
}
