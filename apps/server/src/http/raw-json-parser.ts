import type { FastifyInstance } from 'fastify';
import { badRequest } from './http-error.ts';
import { containsNul } from './refuse-nul-characters.ts';

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
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return done(badRequest('malformed_json', 'The request body is not valid JSON'));
      }
      // Only the escape can produce U+0000 in valid JSON: the walk runs only when it is present.
      if (text.includes('\\u0000') && containsNul(parsed)) {
        return done(
          badRequest(
            'nul_character',
            'The request body contains a NUL character (\\u0000), which cannot be stored',
          ),
        );
      }
      done(null, parsed);
    },
  );
}
