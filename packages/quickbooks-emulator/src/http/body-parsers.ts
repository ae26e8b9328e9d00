import type { FastifyInstance } from 'fastify';

/** Marks a body that claimed to be JSON but was not; the route answers with a QBO Fault. */
export class InvalidJson {
  constructor(readonly reason: string) {}
}

export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    ['application/json', 'application/cloudevents+json'],
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = String(body);
      if (text.trim() === '') return done(null, {});
      try {
        done(null, JSON.parse(text));
      } catch (e) {
        done(null, new InvalidJson(e instanceof Error ? e.message : 'invalid JSON'));
      }
    },
  );
  // POST /query sends the SELECT as `application/text`; /send sends an empty octet-stream.
  app.addContentTypeParser(
    ['application/text', 'text/plain', 'application/octet-stream'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, String(body)),
  );
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, String(body)));
}
